// The rows of a Daten Manager export: every matching record a page at a time, the chosen columns
// presented as the CSV wants them. Read in the export worker (lib/server-load), so this module and what
// it imports stay free of `server-only`; the statement, with the user's own conditions, and the
// check of who may export which columns are made before (queries.ts).
import type Database from 'better-sqlite3';
import type { ExportEntity, Locale } from '@/db/schema';
import { csvBooleanWords, type CsvColumn } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import type { CsvSource } from '@/lib/csv/stream';
import { translator, type Translate } from '@/lib/i18n';
import { findDataColumn, type DataColumn } from './columns';

/**
 * One page of rows after a given id, in id order (keyset pagination: a stable order, every record
 * once). The first bound value is the id to start after and the last the page size; `pageParams`
 * swaps them.
 */
export type PageQuery = { text: string; params: unknown[] };

/** The export of one Daten Manager request, as plain data a worker thread can be given. */
export type DataManagerExportJob = {
  kind: 'dataManager';
  entity: ExportEntity;
  /** Column keys of the registry, in file order. */
  columns: string[];
  query: PageQuery;
  dialect: CsvDialect;
  locale: Locale;
};

/** Rows read per statement. */
const EXPORT_PAGE = 1_000;

export function pageParams(query: PageQuery, afterId: number, limit: number): unknown[] {
  return [afterId, ...query.params.slice(1, -1), limit];
}

export function exportCsvColumns(columns: readonly DataColumn[], t: Translate): CsvColumn[] {
  return columns.map((column) => ({ header: t(column.label), type: column.type }));
}

/** Raw values as the CSV columns want them: the id dropped, stored keys and times presented. */
export function toCells(row: unknown[], columns: readonly DataColumn[], t: Translate): unknown[] {
  return columns.map((column, index) => {
    const value = row[index + 1];
    return column.present && value !== null ? column.present(value, t) : value;
  });
}

/** Every matching row, a page at a time, in one read transaction (a consistent snapshot while writers go on). */
function* exportRows(sqlite: Database.Database, query: PageQuery, columns: readonly DataColumn[], t: Translate): Generator<unknown[]> {
  sqlite.exec('begin');
  try {
    const statement = sqlite.prepare(query.text).raw(true);
    let afterId = 0;
    for (;;) {
      const rows = statement.all(...pageParams(query, afterId, EXPORT_PAGE)) as unknown[][];
      for (const row of rows) yield toCells(row, columns, t);
      if (rows.length < EXPORT_PAGE) return;
      afterId = Number(rows[rows.length - 1][0]);
    }
  } finally {
    sqlite.exec('commit');
  }
}

/** The CSV of one export, read on the given (read-only) connection. */
export function dataManagerCsvSource(sqlite: Database.Database, job: DataManagerExportJob): CsvSource {
  const t = translator(job.locale);
  const columns = job.columns.map((key) => {
    const column = findDataColumn(job.entity, key);
    if (!column) throw new RangeError(`Unknown ${job.entity} column "${key}"`);
    return column;
  });
  return {
    dialect: job.dialect,
    columns: exportCsvColumns(columns, t),
    rows: exportRows(sqlite, job.query, columns, t),
    words: csvBooleanWords(t),
  };
}
