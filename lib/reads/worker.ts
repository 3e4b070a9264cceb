// A read worker: a thread with its own read-only connection that computes the heavy pages' reads
// (jobs.ts), so that SQLite's work for one page does not hold up the event loop that renders the
// others. Each read runs in one transaction, so everything it returns comes from one snapshot.
import { parentPort, workerData } from 'node:worker_threads';
import { drizzleOf, openSqlite, type Db } from '@/db/client';
import { READS, type ReadAnswer, type ReadRequest, type ReadWorkerData } from './jobs';

const port = parentPort;
if (!port) throw new Error('The read worker runs only as a worker thread');

const { databasePath } = workerData as ReadWorkerData;
const sqlite = openSqlite(databasePath, { readonly: true });
const db = drizzleOf(sqlite);

function run({ kind, input }: ReadRequest): unknown {
  const read = READS[kind] as (db: Db, input: unknown) => unknown;
  return sqlite.transaction(() => read(db, input))();
}

port.on('message', (request: ReadRequest) => {
  let answer: ReadAnswer;
  try {
    answer = { ok: true, result: run(request) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
