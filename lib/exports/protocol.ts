// The messages between a download (stream.ts) and its export worker (worker.ts).
import type { ExportJob } from './jobs';

/**
 * `pagesInFlight`: the requests the server is answering (lib/pages-in-flight.ts), shared memory;
 * `giveWayMs`: the longest the worker waits for them before each chunk (rest.ts).
 */
export type ExportWorkerData = { job: ExportJob; databasePath: string; pagesInFlight: Int32Array; giveWayMs: number };

/** To the worker: write the next chunk, or stop (the client went away). */
export type ToExportWorker = 'next' | 'cancel';

/** From the worker: one chunk of the file (its buffer transferred, not copied), the end, or a failure. */
export type FromExportWorker = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'error'; message: string };
