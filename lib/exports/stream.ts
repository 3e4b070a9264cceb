import 'server-only';
// A download written by the export worker (worker.ts): a byte stream that asks the worker for the
// next chunk whenever the client has taken the one before (one chunk is kept ready). The server's
// own event loop only passes the chunks on. If the client goes away, the worker is told to stop;
// if the worker fails, the download is cut off (the client sees an aborted file) and the failure logged.
import { Worker } from 'node:worker_threads';
import { databasePath } from '@/db/client';
import { bundled, sourceWorker } from '@/lib/worker-thread';
import type { ExportJob } from './jobs';
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

function startWorker(data: ExportWorkerData): Worker {
  const options = { workerData: data, resourceLimits: WORKER_LIMITS };
  // The server's own flags (e.g. the bench's event-loop monitor) are not passed on.
  if (bundled()) return new Worker(new URL('./worker.ts', import.meta.url), { ...options, execArgv: [] });
  return sourceWorker(import.meta.url, 'worker.ts', options);
}

export function exportCsvStream(job: ExportJob): ReadableStream<Uint8Array> {
  let worker: Worker;
  let settled = false;
  let answered: (() => void) | undefined;
  const tell = (message: ToExportWorker) => worker.postMessage(message);

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          console.error('CSV export failed:', error);
          controller.error(error);
        };
        worker = startWorker({ job, databasePath: databasePath() });
        worker.on('message', (message: FromExportWorker) => {
          if (settled) return;
          if (message.type === 'chunk') {
            controller.enqueue(message.bytes);
          } else if (message.type === 'end') {
            settled = true;
            controller.close();
          } else {
            fail(new Error(message.message));
          }
          answered?.();
        });
        worker.on('error', (error) => {
          fail(error);
          answered?.();
        });
        worker.on('exit', (code) => {
          fail(new Error(`The export worker stopped (exit code ${code}) before the file was complete`));
          answered?.();
        });
      },
      pull() {
        return new Promise<void>((resolve) => {
          answered = resolve;
          tell('next');
        });
      },
      cancel() {
        if (settled) return;
        settled = true;
        tell('cancel');
      },
    },
    // One chunk is written ahead, so the worker works while the previous chunk is being sent.
    { highWaterMark: 1 },
  );
}
