import 'server-only';
// A download written by the export worker (worker.ts): a byte stream that asks the worker for the
// next chunk whenever the client has taken the one before (one chunk is kept ready). The server's
// own event loop only passes the chunks on. At most two downloads are written at once; a third
// waits for a free worker (its client sees the download start, then the bytes). Each user has one
// download at a time (written or waiting): a second is refused at once (the route answers 429), so
// no user can hold both workers. If the client goes away, the worker is told to stop (or the place
// in line is given up); if the worker fails, or the client takes nothing for 15 seconds, the
// download is cut off (the client sees an aborted file) and the failure logged.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { databasePath, openSqlite } from '@/db/client';
import { csvChunks } from '@/lib/csv/stream';
import { pagesInFlight } from '@/lib/pages-in-flight';
import { createOnePerOwner, createSlots, type OnePerOwner, type Slots } from '@/lib/slots';
import { bundled, sourceWorker } from '@/lib/worker-thread';
import { csvSourceOf, type ExportJob } from './jobs';
import { GIVE_WAY_MS, REST_PER_WORK } from './rest';
import type { ExportWorkerData, FromExportWorker, ToExportWorker } from './protocol';

/**
 * The worker's garbage is short-lived strings. Its young generation is kept below V8's default (which
 * let the server grow by ~48 MB more per download) but not too small: every collection of it is
 * shared out to V8's helper threads, which serve the whole process at normal CPU priority (the
 * worker's own low priority does not reach them). At 8 MB they took about 30 % of a core while
 * downloads ran back to back; at 32 MB about 17 %, the downloads were about a quarter faster, and
 * the server grew about 5 MB more per download.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32 };

/**
 * Downloads written at the same time. Each holds a worker thread, a read snapshot and up to about
 * 100 MB, so their number is bounded: many people downloading at once wait a few seconds longer
 * instead of the server running out of memory or processors. Kept on `globalThis`, so that both
 * export routes (and a reloaded module in development) share the same line.
 */
const EXPORT_WORKERS = 2;
const globalForExports = globalThis as unknown as { crmExportWorkers?: Slots; crmDownloaders?: OnePerOwner };
const exportWorkers = (globalForExports.crmExportWorkers ??= createSlots(EXPORT_WORKERS));
const downloaders = (globalForExports.crmDownloaders ??= createOnePerOwner());

/** How many downloads are being written, how many wait for a worker, and how many users have one (for tests). */
export function exportWorkerState(): { held: number; waiting: number; users: number } {
  return { ...exportWorkers.state(), users: downloaders.size() };
}

type ExportWriter = Pick<Worker, 'on' | 'postMessage'>;

/**
 * The bench's A/B (bench/README.md): the same chunks written on the event loop, one per pull, each
 * in a later turn of the loop; it answers as the worker does ('message', then 'exit').
 */
function startInProcess({ job, databasePath: file }: ExportWorkerData): ExportWriter {
  const events = new EventEmitter();
  let sqlite: ReturnType<typeof openSqlite> | undefined;
  let chunks: Generator<string, void, undefined> | undefined;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    try {
      chunks?.return();
    } finally {
      sqlite?.close();
      setImmediate(() => events.emit('exit', 0));
    }
  };
  const encoder = new TextEncoder();
  let lastWorkMs = 0;
  const writeNext = () => {
    if (ended) return;
    const started = performance.now();
    try {
      if (!chunks) {
        sqlite = openSqlite(file, { readonly: true });
        chunks = csvChunks(csvSourceOf(sqlite, job));
      }
      const next = chunks.next();
      if (next.done) {
        events.emit('message', { type: 'end' } satisfies FromExportWorker);
        return end();
      }
      const bytes = encoder.encode(next.value);
      lastWorkMs = performance.now() - started;
      events.emit('message', { type: 'chunk', bytes } satisfies FromExportWorker);
    } catch (error) {
      events.emit('message', { type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromExportWorker);
      end();
    }
  };
  return {
    on: ((event: string, listener: (...args: unknown[]) => void) => events.on(event, listener)) as Worker['on'],
    postMessage: (message: ToExportWorker) => {
      if (message === 'cancel') return end();
      // The rest as in the worker (rest.ts), but as a timer: the event loop answers pages meanwhile.
      if (process.env.CRM_DOWNLOAD_REST === '0') setImmediate(writeNext);
      else setTimeout(writeNext, lastWorkMs * REST_PER_WORK);
    },
  };
}

function startWorker(data: ExportWorkerData): ExportWriter {
  if (process.env.CRM_EXPORT_WORKER === '0') return startInProcess(data);
  const options = { workerData: data, resourceLimits: process.env.CRM_EXPORT_TUNING === '0' ? {} : WORKER_LIMITS };
  // The server's own flags (e.g. the bench's event-loop monitor) are not passed on.
  if (bundled()) return new Worker(new URL('./worker.ts', import.meta.url), { ...options, execArgv: [] });
  return sourceWorker(import.meta.url, 'worker.ts', options);
}

/**
 * A download whose client takes nothing for this long is cut off: it would otherwise hold a worker,
 * a place among the downloads written at once and a read snapshot (which keeps the database's log
 * from being written back) for as long as the connection stays open. A slow client is not cut: the
 * clock runs only while the socket's buffers are full and no byte more is taken.
 */
const STALLED_MS = 15_000;

type StreamOptions = { stalledMs?: number; giveWayMs?: number };

/**
 * The download of `job` for `owner` (a user's id), or null while that owner already has one, being
 * written or waiting for a worker.
 */
export function exportCsvStream(job: ExportJob, owner: number, { stalledMs = STALLED_MS, giveWayMs = GIVE_WAY_MS }: StreamOptions = {}): ReadableStream<Uint8Array> | null {
  const leave = downloaders.claim(owner);
  if (!leave) return null;
  let worker: ExportWriter | undefined;
  let settled = false;
  let answered: (() => void) | undefined;
  let release = () => {};
  let stall: NodeJS.Timeout | undefined;
  const gone = new AbortController();
  const stop = () => worker?.postMessage('cancel' satisfies ToExportWorker);

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        try {
          const freeWorker = await exportWorkers.take(gone.signal);
          release = () => {
            freeWorker();
            leave();
          };
        } catch {
          return leave(); // The client went away while waiting in line.
        }
        if (settled) return release(); // ... or just as its turn came.
        const finish = (error?: Error) => {
          clearTimeout(stall);
          release();
          if (settled) return;
          settled = true;
          if (!error) return controller.close();
          console.error('CSV export failed:', error);
          controller.error(error);
        };
        try {
          worker = startWorker({ job, databasePath: databasePath(), pagesInFlight: pagesInFlight(), giveWayMs: process.env.CRM_DOWNLOAD_GIVE_WAY === '0' ? 0 : giveWayMs });
        } catch (error) {
          return finish(error instanceof Error ? error : new Error(String(error)));
        }
        worker.on('message', (message: FromExportWorker) => {
          if (settled) return;
          if (message.type === 'chunk') {
            controller.enqueue(message.bytes);
            // The next pull (the client took this chunk) clears it.
            stall = setTimeout(() => {
              finish(new Error(`The client took no data for ${stalledMs} ms; the download was cut off`));
              stop();
            }, stalledMs);
          } else if (message.type === 'end') {
            finish();
          } else {
            finish(new Error(message.message));
          }
          answered?.();
        });
        worker.on('error', (error) => {
          finish(error);
          answered?.();
        });
        worker.on('exit', (code) => {
          finish(new Error(`The export worker stopped (exit code ${code}) before the file was complete`));
          answered?.();
        });
      },
      pull() {
        clearTimeout(stall);
        return new Promise<void>((resolve) => {
          answered = resolve;
          worker!.postMessage('next' satisfies ToExportWorker);
        });
      },
      cancel() {
        clearTimeout(stall);
        if (settled) return;
        settled = true;
        gone.abort();
        // Its place among the downloads is freed when the worker has stopped ('exit').
        stop();
      },
    },
    // One chunk is written ahead, so the worker works while the previous chunk is being sent.
    { highWaterMark: 1 },
  );
}
