import 'server-only';
// The CSV of exactly one dashboard view (SPEC section 10): one row per ticket, in the view's
// group order, one leading column per grouping level; read on its own read-only connection and
// streamed in batches.
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { openReadConnection } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { CsvColumn } from '@/lib/csv/columns';
import { csvStream, DOWNLOAD_BATCH_MS } from '@/lib/csv/stream';
import type { CsvDialect } from '@/lib/csv/dialects';
import type { Translate } from '@/lib/i18n';
import { DIMENSIONS } from '../dimensions';
import type { DashboardParams } from './params';
import { sizeRanges } from './queries';
import { exportOrderQuery, exportRowsQuery, type DashboardQuery } from './sql';

type ExportRow = Record<string, string | number | null>;

const dialect = new SQLiteSyncDialect();

export function dashboardExportColumns(params: DashboardParams, t: Translate): CsvColumn[] {
  return [
    ...params.groupBy.map((key): CsvColumn => ({ header: t(DIMENSIONS[key].label), type: 'text' })),
    { header: t('dashboard.col.number'), type: 'text' },
    { header: t('dashboard.col.title'), type: 'text' },
    { header: t('dashboard.dim.ticketStatus'), type: 'text' },
    { header: t('dashboard.dim.partner'), type: 'text' },
    { header: t('dashboard.dim.contact'), type: 'text' },
    { header: t('dashboard.col.crmStatus'), type: 'text' },
    { header: t('dashboard.col.probability'), type: 'percent' },
    { header: t('dashboard.col.potential'), type: 'money' },
    { header: t('dashboard.col.users'), type: 'integer' },
    { header: t('dashboard.col.assignee'), type: 'text' },
    { header: t('dashboard.dim.product'), type: 'text' },
    { header: t('dashboard.dim.campaign'), type: 'text' },
    { header: t('dashboard.col.activatedAt'), type: 'date' },
    { header: t('dashboard.col.createdAt'), type: 'date' },
  ];
}

/** Tickets whose columns one statement reads: one read blocks the event loop for a few ms only. */
const EXPORT_BATCH = 100;

/**
 * Rows as the CSV columns want them. One read transaction (a consistent snapshot; writers go on
 * in WAL mode): first the ordered ids, then the columns 100 tickets at a time.
 */
function* exportRows(sqlite: Database.Database, query: DashboardQuery, t: Translate): Generator<unknown[]> {
  // Every full batch has the same SQL text: compiled once, not once per batch.
  const statements = new Map<string, Database.Statement>();
  const all = <T>(composed: SQL) => {
    const { sql, params } = dialect.sqlToQuery(composed);
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
    return statement.all(...params) as T[];
  };
  sqlite.exec('begin');
  try {
    const ids = all<{ id: number }>(exportOrderQuery(query)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = ids.slice(start, start + EXPORT_BATCH);
      const byId = new Map(all<ExportRow>(exportRowsQuery(query, batch)).map((row) => [Number(row.id), row]));
      for (const id of batch) {
        const row = byId.get(id);
        if (row) yield toCells(row, query.params, t);
      }
    }
  } finally {
    sqlite.exec('commit');
  }
}

function toCells(row: ExportRow, params: DashboardParams, t: Translate): unknown[] {
  const levels = params.groupBy.map((key, index) => {
    const value = row[`level${index}`];
    if (value === null || value === undefined) return t(DIMENSIONS[key].emptyLabel);
    return key === 'ticketStatus' ? t(`ticketStatus.${value as 'open'}`) : value;
  });
  return [
    ...levels,
    row.number,
    row.title,
    t(`ticketStatus.${row.ticket_status as 'open'}`),
    row.partner,
    row.contact,
    row.crm_status,
    row.probability,
    row.potential,
    row.users,
    row.assignee,
    row.products,
    row.campaigns,
    // UTC milliseconds, which the date columns take as they are (no Date per cell).
    row.activated_at === null ? null : Number(row.activated_at),
    Number(row.created_at),
  ];
}

export function dashboardExportStream(user: SessionUser, params: DashboardParams, csvDialect: CsvDialect, t: Translate): ReadableStream<Uint8Array> {
  assertRole(user, 'crm');
  // Its own read-only connection: a long read must not hold the shared one (TOOLCHAIN pitfall 8).
  const { sqlite } = openReadConnection();
  return csvStream({
    dialect: csvDialect,
    columns: dashboardExportColumns(params, t),
    rows: exportRows(sqlite, { params, sizes: sizeRanges(sqlite) }, t),
    words: { yes: t('common.yes'), no: t('common.no') },
    batchMs: DOWNLOAD_BATCH_MS,
    onClose: () => sqlite.close(),
  });
}
