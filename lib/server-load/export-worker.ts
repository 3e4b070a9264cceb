// The export worker: one worker thread per download writes the CSV file, so that reading and
// formatting 100,000 rows never holds up the event loop that answers the pages. It opens its own
// read-only connection (one snapshot for the whole file) and writes one chunk per request from the
// download, so nothing runs ahead of a slow client, resting after each (rest-between-chunks.ts).
// Why a worker: bench/README.md, "Concurrency A/B". Whatever ends the file (the last chunk, an error, or the client going away), the
// snapshot and the connection are closed and the thread ends.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '@/db/client';
import { csvChunks } from '@/lib/csv/stream';
import { csvSourceOf } from './export-jobs';
import type { ExportWorkerData, FromExportWorker, ToExportWorker } from './export-protocol';
import { workThenRest } from './rest-between-chunks';

const port = parentPort;
if (!port) throw new Error('The export worker runs only as a worker thread');

/**
 * Gives this thread, and only this one, the lowest CPU priority: when the pages and a download
 * both want a processor, the pages get it, and the download takes what they leave idle. Linux
 * keeps a nice value per thread and `setpriority` accepts a thread's id; elsewhere (or if refused)
 * the download simply runs at the usual priority.
 */
function yieldProcessorToPages(): void {
  try {
    const threadId = Number(fs.readlinkSync(/*turbopackIgnore: true*/ '/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(threadId) && threadId > 0) os.setPriority(threadId, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux: nothing to do.
  }
}

if (process.env.CRM_EXPORT_TUNING !== '0') yieldProcessorToPages();
const { job, databasePath } = workerData as ExportWorkerData;
const encoder = new TextEncoder();
let chunks: Generator<string, void, undefined> | undefined;
let sqlite: ReturnType<typeof openSqlite> | undefined;

function send(message: FromExportWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function finish(): void {
  try {
    chunks?.return();
  } finally {
    sqlite?.close();
    port!.close();
  }
}

function writeNext(): void {
  if (!chunks) {
    sqlite = openSqlite(databasePath, { readonly: true });
    chunks = csvChunks(csvSourceOf(sqlite, job));
  }
  const next = chunks.next();
  if (next.done) {
    send({ type: 'end' });
    finish();
    return;
  }
  const bytes = encoder.encode(next.value);
  send({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
}

port.on('message', (message: ToExportWorker) => {
  if (message === 'cancel') return finish();
  try {
    // The chunk is sent before the rest begins: the rest delays only the next one.
    // The bench's A/B (bench/README.md): CRM_DOWNLOAD_REST=0 writes without resting.
    if (process.env.CRM_DOWNLOAD_REST === '0') writeNext();
    else workThenRest(writeNext);
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    finish();
  }
});
