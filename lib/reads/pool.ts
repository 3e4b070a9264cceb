import 'server-only';
// The read workers (worker.ts): up to two threads, started on first use and kept, each with its own
// read-only connection. A read goes to the idle worker that got one longest ago, or waits in a line
// that takes turns between users (lib/fair-queue.ts), so one user's burst of heavy reads holds up
// another user's read by at most one of them. The event loop only hands the read over and takes the
// answer; meanwhile it renders other pages. A worker that dies fails its read and is replaced at the next one.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { connection, databasePath, type Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { createFairQueue, type FairQueue } from '@/lib/fair-queue';
import { bundled, sourceWorker } from '@/lib/worker-thread';
import { READS, type ReadAnswer, type ReadInput, type ReadKind, type ReadRequest, type ReadResult, type ReadWorkerData } from './jobs';

/** Two workers let a short read pass a long one; more would compete with the pages for the processors. */
const WORKERS = Math.min(2, os.availableParallelism());

/** `owner`: the user the read is for, whose turn it takes in the line. */
type Pending = { owner: number; request: ReadRequest; resolve: (value: unknown) => void; reject: (error: Error) => void };
/** `used`: when the worker last got a read (a counter), so that the reads go round. */
type Slot = { worker: Worker; busy: Pending | null; used: number };
type Pool = { file: string; slots: Slot[]; queue: FairQueue<Pending>; dispatched: number };

const globalForReads = globalThis as unknown as { crmReadPool?: Pool };

function startWorker(data: ReadWorkerData): Worker {
  // The server's own flags (e.g. the bench's event-loop monitor) are not passed on.
  if (bundled()) return new Worker(new URL('./worker.ts', import.meta.url), { workerData: data, execArgv: [] });
  return sourceWorker(import.meta.url, 'worker.ts', { workerData: data });
}

function currentPool(): Pool {
  const file = databasePath();
  const current = globalForReads.crmReadPool;
  if (current?.file === file) return current;
  if (current) void stopReadWorkers();
  const pool: Pool = { file, slots: [], queue: createFairQueue(), dispatched: 0 };
  globalForReads.crmReadPool = pool;
  return pool;
}

function addSlot(pool: Pool): Slot {
  const slot: Slot = { worker: startWorker({ databasePath: pool.file }), busy: null, used: 0 };
  const settle = (settleBusy: (pending: Pending) => void) => {
    const pending = slot.busy;
    slot.busy = null;
    // An idle worker does not keep the process alive (scripts and tests end when their work does).
    slot.worker.unref();
    if (pending) {
      pool.queue.done(pending.owner);
      settleBusy(pending);
    }
    dispatch(pool);
  };
  slot.worker.on('message', (answer: ReadAnswer) =>
    settle((pending) => (answer.ok ? pending.resolve(answer.result) : pending.reject(new Error(`Read "${pending.request.kind}" failed in a read worker: ${answer.message}`)))),
  );
  const lost = (error: Error) => {
    pool.slots = pool.slots.filter((other) => other !== slot);
    settle((pending) => pending.reject(error));
  };
  slot.worker.on('error', lost);
  slot.worker.on('exit', (code) => lost(new Error(`A read worker stopped (exit code ${code})`)));
  pool.slots.push(slot);
  return slot;
}

/**
 * The idle worker that got a read longest ago. Reads rarely overlap, so "the first idle one" would
 * leave the second worker idle nearly always: its compiled code and page cache would be cold just when
 * it is needed, when two pages are read at once (in a trace, the few reads it got were among the slowest).
 */
function idleSlot(pool: Pool): Slot | undefined {
  const idle = pool.slots.filter((candidate) => !candidate.busy).sort((a, b) => a.used - b.used);
  return idle[0] ?? (pool.slots.length < WORKERS ? addSlot(pool) : undefined);
}

function dispatch(pool: Pool): void {
  while (pool.queue.size() > 0) {
    const slot = idleSlot(pool);
    if (!slot) return;
    const { item: pending } = pool.queue.take()!;
    slot.busy = pending;
    slot.used = ++pool.dispatched;
    slot.worker.ref();
    slot.worker.postMessage(pending.request);
  }
}

/** Computes `kind` (jobs.ts) on `input` in a read worker, in one snapshot of the database. */
export function readInWorker<K extends ReadKind>(kind: K, input: ReadInput<K> & { user: SessionUser }): Promise<ReadResult<K>> {
  if (process.env.CRM_READ_WORKERS === '0') {
    // The bench's A/B (bench/README.md): the same read on the event loop, in one transaction.
    const { sqlite, db } = connection();
    const read = READS[kind] as (db: Db, input: unknown) => ReadResult<K>;
    return Promise.resolve().then(() => sqlite.transaction(() => read(db, input))());
  }
  const pool = currentPool();
  const owner = input.user.id;
  return new Promise<ReadResult<K>>((resolve, reject) => {
    pool.queue.push(owner, { owner, request: { kind, input }, resolve: resolve as (value: unknown) => void, reject });
    dispatch(pool);
  });
}

/** Ends the read workers (tests, and a change of database file); reads in progress fail. */
export async function stopReadWorkers(): Promise<void> {
  const pool = globalForReads.crmReadPool;
  globalForReads.crmReadPool = undefined;
  if (!pool) return;
  for (const pending of pool.queue.clear()) pending.reject(new Error('The read workers were stopped'));
  await Promise.all(pool.slots.map((slot) => slot.worker.terminate()));
}
