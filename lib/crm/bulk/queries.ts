import 'server-only';
// Reads of bulk changes (CRM data: `crm` users only): how many tickets a selection names and how many
// a change would change, the list at /crm/changes and one bulk change for its undo's confirmation.
import { count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '@/db/client';
import { bulkChanges, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { valueContext } from '../dashboard/filter-sql';
import { runQuery } from '../dashboard/queries';
import type { BulkChange } from './change';
import { selectedTicketIds, type BulkSelection } from './selection';
import { changeTargets, holdsEntry } from './targets';
import type { UndoReport } from './undo';

/** How many CRM tickets the selection names and, with a change, how many of them it would change. */
export function countBulkSelection(
  db: Db,
  user: SessionUser,
  selection: BulkSelection,
  change?: BulkChange,
): { count: number; changing: number } {
  assertRole(user, 'crm');
  const ids = selectedTicketIds(selection, valueContext(db.$client));
  const [{ count }] = runQuery<{ count: number }>(db, sql`select count(*) as count from (${ids})`);
  if (!change) return { count, changing: count };
  const targets = changeTargets(change);
  const differs = targets.bridge
    ? targets.bridge.add
      ? sql`not ${holdsEntry(targets.bridge, sql`${tickets.id}`)}`
      : holdsEntry(targets.bridge, sql`${tickets.id}`)
    : sql.join(
        targets.scalars.map((target) => sql`${target.column} is not ${target.target}`),
        sql` or `,
      );
  const [{ changing }] = runQuery<{ changing: number }>(
    db,
    sql`select count(*) as changing from ${tickets} where ${tickets.id} in (select id from (${ids})) and (${differs})`,
  );
  return { count, changing };
}

export type BulkChangeItem = {
  id: number;
  at: Date;
  userName: string;
  change: BulkChange;
  ticketCount: number;
  changedCount: number;
  undoneAt: Date | null;
  undoneByName: string | null;
  undoReport: UndoReport | null;
};

const undoer = alias(users, 'undoer');

function select(db: Db | Tx) {
  return db
    .select({
      id: bulkChanges.id,
      at: bulkChanges.at,
      userName: users.name,
      change: bulkChanges.change,
      ticketCount: bulkChanges.ticketCount,
      changedCount: bulkChanges.changedCount,
      undoneAt: bulkChanges.undoneAt,
      undoneByName: undoer.name,
      undoReport: bulkChanges.undoReport,
    })
    .from(bulkChanges)
    .innerJoin(users, eq(users.id, bulkChanges.userId))
    .leftJoin(undoer, eq(undoer.id, bulkChanges.undoneById));
}

/** Bulk changes listed per page of /crm/changes. */
export const BULK_CHANGES_PAGE_SIZE = 50;

/** One page of the bulk changes, newest first (1 = the newest), with how many there are; a page past the last is the last. */
export function listBulkChanges(
  db: Db,
  user: SessionUser,
  page = 1,
): { rows: BulkChangeItem[]; total: number; page: number; pageSize: number } {
  assertRole(user, 'crm');
  const pageSize = BULK_CHANGES_PAGE_SIZE;
  return db.transaction((tx) => {
    const [{ total }] = tx.select({ total: count() }).from(bulkChanges).all();
    const shown = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
    const rows = select(tx)
      .orderBy(desc(bulkChanges.at), desc(bulkChanges.id))
      .limit(pageSize)
      .offset((shown - 1) * pageSize)
      .all() as BulkChangeItem[];
    return { rows, total, page: shown, pageSize };
  });
}

export function findBulkChange(db: Db, user: SessionUser, id: number): BulkChangeItem | null {
  assertRole(user, 'crm');
  return (select(db).where(eq(bulkChanges.id, id)).get() as BulkChangeItem | undefined) ?? null;
}
