// The streamed CSV download: rows pulled from an iterator in batches, so memory stays flat (TOOLCHAIN pitfall 8).
import { setImmediate as nextEventLoopTurn } from 'node:timers/promises';
import { berlinIsoDate } from './berlin-calendar';
import { formatCsvHeader, formatCsvRow, type CsvBooleanWords, type CsvColumn } from './columns';
import { CSV_DIALECT_SETTINGS, type CsvDialect } from './dialects';
import { serialiseCsvRecords } from './records';

export const DEFAULT_CSV_BATCH_SIZE = 1_000;
/**
 * The time budget of one batch of a download (`batchMs`): short enough that a page rendered
 * meanwhile waits only a few ms behind each batch, long enough that yielding costs little.
 */
export const DOWNLOAD_BATCH_MS = 5;

export type CsvStreamOptions = {
  dialect: CsvDialect;
  columns: CsvColumn[];
  /** Raw values in column order, e.g. mapped from a better-sqlite3 `statement.iterate()`; read lazily. */
  rows: Iterable<unknown[]>;
  words: CsvBooleanWords;
  batchSize?: number;
  /**
   * A batch also ends once it has taken this long (ms), so that one turn of the event loop stays
   * short however costly the rows are (a page read from SQLite included); unset: rows only.
   */
  batchMs?: number;
  /** Called once when the stream ends, fails or is cancelled, after the iterator's `return()`. */
  onClose?: () => void;
};

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A pull-based stream of the whole file: the first chunk holds the BOM (excel), the header row and the first
 * batch; each further read formats one batch of rows. Between batches it yields to the event loop so that
 * other requests keep being answered. Whether it finishes, fails or is cancelled (the client went away),
 * the iterator is closed with `return()` and `onClose` runs, exactly once.
 */
export function csvStream(options: CsvStreamOptions): ReadableStream<Uint8Array> {
  const { dialect, columns, words, onClose } = options;
  const batchSize = options.batchSize ?? DEFAULT_CSV_BATCH_SIZE;
  const batchMs = options.batchMs ?? Infinity;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`Invalid CSV batch size ${batchSize}`);
  if (!(batchMs > 0)) throw new RangeError(`Invalid CSV batch time ${batchMs}`);
  if (columns.length === 0) throw new RangeError('A CSV export needs at least one column');

  const encoder = new TextEncoder();
  // Taken now, so that a stream cancelled before its first read still closes the iterator.
  const iterator = options.rows[Symbol.iterator]();
  let started = false;
  let released = false;

  function release(): void {
    if (released) return;
    released = true;
    try {
      iterator.return?.();
    } finally {
      onClose?.();
    }
  }

  function nextBatch(): { records: string[][]; done: boolean } {
    const records: string[][] = [];
    const until = performance.now() + batchMs;
    while (records.length < batchSize && (records.length === 0 || performance.now() < until)) {
      const next = iterator.next();
      if (next.done) return { records, done: true };
      records.push(formatCsvRow(columns, next.value, dialect, words));
    }
    return { records, done: false };
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let text = '';
          if (!started) {
            started = true;
            const bom = CSV_DIALECT_SETTINGS[dialect].byteOrderMark ? BYTE_ORDER_MARK : '';
            text = bom + serialiseCsvRecords([formatCsvHeader(columns, dialect)], dialect);
          } else {
            await nextEventLoopTurn();
            if (released) return; // cancelled while waiting
          }
          const { records, done } = nextBatch();
          text += serialiseCsvRecords(records, dialect);
          if (text !== '') controller.enqueue(encoder.encode(text));
          if (done) {
            release();
            controller.close();
          }
        } catch (error) {
          release();
          throw error; // a rejected pull errors the stream; the client sees an aborted download
        }
      },
      cancel() {
        release();
      },
    },
    // Produce a batch only when the reader asks for one: nothing is read ahead of a slow client.
    { highWaterMark: 0 },
  );
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
