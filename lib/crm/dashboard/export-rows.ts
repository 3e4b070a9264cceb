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
import { crmProperty, type ExportColumn } from '../properties';
import { DIMENSIONS } from './dimensions';
import { isKeyKind, keyLabel } from './key-labels';
import type { DashboardParams } from './params';
import { CSV_PROPERTY_KEYS, exportOrderQuery, exportRowsQuery } from './export-sql';
import { followupCells, followupExportColumns } from './export-followups';
import { valueContext, type DashboardQuery, type ValueContext } from './filter-sql';

/**
 * The export of one dashboard view, as plain data a worker thread can be given; `instant` is the
 * request's clock (UTC ms), so that next-action states and staleness are the page's.
 */
export type DashboardExportJob = { kind: 'dashboard'; params: DashboardParams; dialect: CsvDialect; locale: Locale; instant: number };

type ExportRow = Record<string, string | number | null>;

const dialect = new SQLiteSyncDialect();

export function dashboardExportColumns(params: DashboardParams, t: Translate): CsvColumn[] {
  return [
    ...params.groupBy.map((key): CsvColumn => ({ header: t(DIMENSIONS[key].label), type: 'text' })),
    { header: t('dashboard.col.number'), type: 'text' },
    { header: t('dashboard.col.title'), type: 'text' },
    ...CSV_PROPERTY_KEYS.map((key): CsvColumn => ({
      header: t(crmProperty(key).dashboardCsv!.header),
      type: crmProperty(key).dashboardCsv!.type,
    })),
    { header: t('dashboard.col.createdAt'), type: 'date' },
    ...followupExportColumns(t),
  ];
}

/** Tickets whose columns one statement reads. */
const EXPORT_BATCH = 500;

/**
 * Rows as the CSV columns want them. One read transaction (a consistent snapshot; writers go on
 * in WAL mode): the size ranges, the ordered ids, then the columns 500 tickets at a time.
 */
function* exportRows(sqlite: Database.Database, job: DashboardExportJob, t: Translate): Generator<unknown[]> {
  const { params } = job;
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
    const context = valueContext(sqlite, job.instant);
    const query: DashboardQuery = { params, context };
    const ids = all<{ id: number }>(exportOrderQuery(query)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const batch = ids.slice(start, start + EXPORT_BATCH);
      const byId = new Map(all<ExportRow>(exportRowsQuery(query, batch)).map((row) => [Number(row.id), row]));
      for (const id of batch) {
        const row = byId.get(id);
        if (row) yield toCells(row, params, t, { context, dialect: job.dialect });
      }
    }
  } finally {
    sqlite.exec('commit');
  }
}

function toCells(
  row: ExportRow,
  params: DashboardParams,
  t: Translate,
  { context, dialect }: { context: ValueContext; dialect: CsvDialect },
): unknown[] {
  const levels = params.groupBy.map((key, index) => {
    const value = row[`level${index}`];
    if (value === null || value === undefined) return t(DIMENSIONS[key].emptyLabel);
    const source = DIMENSIONS[key].labels;
    return isKeyKind(source) ? keyLabel(source.kind, String(value), t) : value;
  });
  const properties = CSV_PROPERTY_KEYS.map((key) => {
    const column: ExportColumn = crmProperty(key).dashboardCsv!;
    const value = row[key];
    return column.present && value !== null ? column.present(value, t) : value;
  });
  // Timestamps are UTC milliseconds, which the date columns take as they are (no Date per cell).
  return [
    ...levels,
    row.number,
    row.title,
    ...properties,
    Number(row.created_at),
    ...followupCells(row as Parameters<typeof followupCells>[0], context, dialect, t),
  ];
}

/** The CSV of one view, read on the given (read-only) connection. */
export function dashboardCsvSource(sqlite: Database.Database, job: DashboardExportJob): CsvSource {
  const t = translator(job.locale);
  return {
    dialect: job.dialect,
    columns: dashboardExportColumns(job.params, t),
    rows: exportRows(sqlite, job, t),
    words: csvBooleanWords(t),
  };
}
