// The messages between a download (downloads.ts) and its export worker (export-worker.ts).
import type { ExportJob } from './export-jobs';

export type ExportWorkerData = { job: ExportJob; databasePath: string };

/** To the worker: write the next chunk, or stop (the client went away). */
export type ToExportWorker = 'next' | 'cancel';

/** From the worker: one chunk of the file (its buffer transferred, not copied), the end, or a failure. */
export type FromExportWorker = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'error'; message: string };
