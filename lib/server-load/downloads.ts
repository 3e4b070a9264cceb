import 'server-only';
// A download written by the export worker (export-worker.ts): a byte stream that asks the worker for the
// next chunk whenever the client has taken the one before (one chunk is kept ready). The server's
// own event loop only passes the chunks on. At most two downloads are written at once; a third
// waits for a free worker (its client sees the download start, then the bytes). Each user has one
// download at a time (written or waiting): a second is refused at once (the route answers 429), so
// no user can hold both workers. If the client goes away, the worker is told to stop (or the place
// in line is given up); if the worker fails, or the client takes nothing for 15 seconds, the
// download is cut off (the client sees an aborted file) and the failure logged.
import { Worker } from 'node:worker_threads';
import { databasePath } from '@/db/client';
import type { ExportJob } from './export-jobs';
import { startInProcess, type ExportWriter } from './export-in-process';
import type { ExportWorkerData, FromExportWorker, ToExportWorker } from './export-protocol';
import { createOnePerOwner, createSlots, type OnePerOwner, type Slots } from './slots';
import { bundled, sourceWorker } from './worker-thread';

/** The worker's young generation: smaller than V8's default, not too small (bench/README.md, point 6). */
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

/**
 * The user's one place among the downloads, for a small download written without a worker (the
 * forecast): its release, or null while that user already has a download running or waiting.
 */
export function claimDownload(owner: number): (() => void) | null {
  return downloaders.claim(owner);
}

function startWorker(data: ExportWorkerData): ExportWriter {
  if (process.env.CRM_EXPORT_WORKER === '0') return startInProcess(data);
  const options = { workerData: data, resourceLimits: process.env.CRM_EXPORT_TUNING === '0' ? {} : WORKER_LIMITS };
  // The server's own flags (e.g. the bench's event-loop monitor) are not passed on.
  if (bundled()) return new Worker(new URL('./export-worker.ts', import.meta.url), { ...options, execArgv: [] });
  return sourceWorker(import.meta.url, 'export-worker.ts', options);
}

/**
 * A download whose client takes nothing for this long is cut off: it would otherwise hold a worker,
 * a place among the downloads written at once and a read snapshot (which keeps the database's log
 * from being written back) for as long as the connection stays open. A slow client is not cut: the
 * clock runs only while the socket's buffers are full and no byte more is taken.
 */
const STALLED_MS = 15_000;

type StreamOptions = { stalledMs?: number };

/**
 * The download of `job` for `owner` (a user's id), or null while that owner already has one, being
 * written or waiting for a worker.
 */
export function exportCsvStream(
  job: ExportJob,
  owner: number,
  { stalledMs = STALLED_MS }: StreamOptions = {},
): ReadableStream<Uint8Array> | null {
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
          worker = startWorker({ job, databasePath: databasePath() });
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
