// A CSV file as text chunks, pulled from an iterator of rows one batch at a time, so memory stays
// flat (TOOLCHAIN pitfall 8). Downloads produce the chunks in a worker thread (lib/server-load).
import { berlinIsoDate } from './berlin-calendar';
import { formatCsvHeader, formatCsvRow, type CsvBooleanWords, type CsvColumn } from './columns';
import { CSV_DIALECT_SETTINGS, type CsvDialect } from './dialects';
import { serialiseCsvRecords } from './records';

export const DEFAULT_CSV_BATCH_SIZE = 1_000;

/** What a CSV file is made of: the dialect, the columns, and the raw values of each row in column order. */
export type CsvSource = {
  dialect: CsvDialect;
  columns: CsvColumn[];
  /** Raw values in column order, e.g. mapped from a better-sqlite3 statement; read lazily. */
  rows: Iterable<unknown[]>;
  words: CsvBooleanWords;
};

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * The whole file as text chunks: the first holds the BOM (excel), the header row and the first batch
 * of rows; each further one formats the next batch. Nothing is read before the first chunk is asked
 * for. However the generator ends (the last chunk, a row that cannot be written, or `return()` when
 * the client went away), the rows' iterator is closed with `return()`.
 */
export function csvChunks(source: CsvSource, batchSize = DEFAULT_CSV_BATCH_SIZE): Generator<string, void, undefined> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`Invalid CSV batch size ${batchSize}`);
  if (source.columns.length === 0) throw new RangeError('A CSV export needs at least one column');
  return chunksOf(source, batchSize);
}

function* chunksOf({ dialect, columns, rows, words }: CsvSource, batchSize: number): Generator<string, void, undefined> {
  const iterator = rows[Symbol.iterator]();
  try {
    const bom = CSV_DIALECT_SETTINGS[dialect].byteOrderMark ? BYTE_ORDER_MARK : '';
    let text = bom + serialiseCsvRecords([formatCsvHeader(columns, dialect)], dialect);
    for (;;) {
      const records: string[][] = [];
      let done = false;
      while (records.length < batchSize) {
        const next = iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        records.push(formatCsvRow(columns, next.value, dialect, words));
      }
      text += serialiseCsvRecords(records, dialect);
      if (text !== '') yield text;
      if (done) return;
      text = '';
    }
  } finally {
    iterator.return?.();
  }
}

const FILE_BASE = /^[a-z0-9][a-z0-9_-]*$/i;

/** `<fileBase>-YYYY-MM-DD.csv`, dated in Europe/Berlin. */
export function csvFileName(fileBase: string, now: Date = new Date()): string {
  // The name goes into a header unescaped, so only a plain slug is allowed.
  if (!FILE_BASE.test(fileBase)) throw new RangeError(`Invalid CSV file base "${fileBase}"`);
  return `${fileBase}-${berlinIsoDate(now)}.csv`;
}

/** The download response for a CSV stream, e.g. `csvResponse(stream, 'crm-tickets')`. */
export function csvResponse(stream: ReadableStream<Uint8Array>, fileBase: string, now: Date = new Date()): Response {
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(fileBase, now)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** When a user whose download is still running may ask again (seconds). */
export const DOWNLOAD_RETRY_AFTER_SECONDS = 10;

/** The answer to a user's second download while the first is still running (lib/server-load/downloads.ts). */
export function downloadBusyResponse(message: string): Response {
  return Response.json(
    { error: message },
    { status: 429, headers: { 'Retry-After': String(DOWNLOAD_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  );
}
