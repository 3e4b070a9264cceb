import 'server-only';
// A download written by the export worker (worker.ts): a byte stream that asks the worker for the
// next chunk whenever the client has taken the one before (one chunk is kept ready). The server's
// own event loop only passes the chunks on. If the client goes away, the worker is told to stop;
// if the worker fails, the download is cut off (the client sees an aborted file) and the failure logged.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { databasePath } from '@/db/client';
import type { ExportJob } from './jobs';
import type { ExportWorkerData, FromExportWorker, ToExportWorker } from './protocol';

/**
 * A small young generation: the worker's garbage is short-lived strings, so a few MB between
 * collections keep its memory low at little cost (V8's default let it grow by ~48 MB).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

function startWorker(data: ExportWorkerData): Worker {
  // Inside Next.js (the build, or `next dev`) the bundler compiles the worker and rewrites this URL
  // to its chunk. The server's own flags (e.g. the bench's event-loop monitor) are not passed on.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./worker.ts', import.meta.url), { workerData: data, execArgv: [], resourceLimits: WORKER_LIMITS });
  // Run from the sources (tests), the worker is TypeScript: a two-line CommonJS start registers tsx
  // first (Node 20 ignores `--import` in a worker's execArgv).
  const entry = fileURLToPath(import.meta.url).replace(/stream\.ts$/, 'worker.ts');
  return new Worker(`require('tsx/cjs/api').register();\nrequire(${JSON.stringify(entry)});`, { eval: true, workerData: data, execArgv: [], resourceLimits: WORKER_LIMITS });
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
