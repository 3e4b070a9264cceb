// The download written on the event loop instead of in the export worker: the bench's A/B switch
// CRM_EXPORT_WORKER=0 (bench/README.md, "Concurrency A/B"). It answers as the worker does.
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { openSqlite } from '@/db/client';
import { csvChunks } from '@/lib/csv/stream';
import { csvSourceOf } from './export-jobs';
import type { ExportWorkerData, FromExportWorker, ToExportWorker } from './export-protocol';
import { REST_PER_WORK } from './rest-between-chunks';

export type ExportWriter = Pick<Worker, 'on' | 'postMessage'>;

/** The same chunks, one per 'next', each in a later turn of the loop (after a rest by timer); then 'exit'. */
export function startInProcess({ job, databasePath: file }: ExportWorkerData): ExportWriter {
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
      events.emit('message', {
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromExportWorker);
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
