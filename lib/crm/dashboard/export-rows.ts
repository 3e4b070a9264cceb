// The rows of the dashboard CSV (SPEC section 10): one row per ticket, in the view's group order,
// one leading column per grouping level. Read in the export worker (lib/server-load), so this module
// and what it imports stay free of `server-only`; who may export is checked before (export.ts).
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Locale } from '@/db/schema';
import { csvBooleanWords, type CsvColumn } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import type { CsvSource } from '@/lib/csv/stream';
import { translator, type Translate } from '@/lib/i18n';
import { DIMENSIONS } from '../dimensions';
import type { DashboardParams } from './params';
import { exportOrderQuery, exportRowsQuery, sizeRanges, type DashboardQuery } from './sql';

/** The export of one dashboard view, as plain data a worker thread can be given. */
export type DashboardExportJob = { kind: 'dashboard'; params: DashboardParams; dialect: CsvDialect; locale: Locale };

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

/** Tickets whose columns one statement reads. */
const EXPORT_BATCH = 500;

/**
 * Rows as the CSV columns want them. One read transaction (a consistent snapshot; writers go on
 * in WAL mode): the size ranges, the ordered ids, then the columns 500 tickets at a time.
 */
function* exportRows(sqlite: Database.Database, params: DashboardParams, t: Translate): Generator<unknown[]> {
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
    const query: DashboardQuery = { params, sizes: sizeRanges(sqlite) };
    const ids = all<{ id: number }>(exportOrderQuery(query)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = ids.slice(start, start + EXPORT_BATCH);
      const byId = new Map(all<ExportRow>(exportRowsQuery(query, batch)).map((row) => [Number(row.id), row]));
      for (const id of batch) {
        const row = byId.get(id);
        if (row) yield toCells(row, params, t);
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

/** The CSV of one view, read on the given (read-only) connection. */
export function dashboardCsvSource(sqlite: Database.Database, job: DashboardExportJob): CsvSource {
  const t = translator(job.locale);
  return { dialect: job.dialect, columns: dashboardExportColumns(job.params, t), rows: exportRows(sqlite, job.params, t), words: csvBooleanWords(t) };
}
