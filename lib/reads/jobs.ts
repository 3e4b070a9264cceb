// The reads a read worker (worker.ts) can compute: each takes the connection and plain data (it
// crosses into a worker thread) and returns plain data. The server decides who may read what
// before it asks; the reads themselves check the role once more.
import type { Db } from '@/db/client';
import { dashboardJson } from '@/lib/crm/dashboard/api';
import { readDashboardGroup, readDashboardPage } from '@/lib/crm/dashboard/page-data';
import { loadBoardColumn, type BoardQuery } from '@/lib/ticketboard/queries';
import type { SessionUser } from '@/lib/auth/guards';

export const READS = {
  dashboardPage: readDashboardPage,
  dashboardGroup: readDashboardGroup,
  dashboardJson,
  boardColumn: (db: Db, { user, query }: { user: SessionUser; query: BoardQuery }) => loadBoardColumn(db, user, query),
};

export type ReadKind = keyof typeof READS;
export type ReadInput<K extends ReadKind> = Parameters<(typeof READS)[K]>[1];
export type ReadResult<K extends ReadKind> = ReturnType<(typeof READS)[K]>;

/** To a read worker: one read (a worker has one at a time). From it: the read's result or its failure. */
export type ReadRequest = { kind: ReadKind; input: unknown };
export type ReadAnswer = { ok: true; result: unknown } | { ok: false; message: string };
export type ReadWorkerData = { databasePath: string };
