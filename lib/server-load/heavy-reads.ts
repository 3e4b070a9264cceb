// The heavy reads (dashboard, summary API, board) run on the event loop, one at a time, taking turns
// between users, so one user's burst cannot starve another user's page (issue 17). Why this and no
// read workers: bench/README.md, "Concurrency A/B".
import { createFairQueue } from './fair-queue';

/**
 * Before a user's next read, when only that user's reads wait, the loop is left to the other
 * requests for this share of the time the last read took: a page of another user needs several
 * turns of the loop (session, proxy, rendering) before it asks for its read and joins the line.
 */
export const REST_PER_READ = 0.5;

type Waiting = () => void;
/** `rested`: the owner of the last read, and until when only that owner's reads wait before the next. */
type Line = {
  queue: ReturnType<typeof createFairQueue<Waiting>>;
  scheduled: boolean;
  rested: { owner: number | string; until: number } | null;
};

const globalForReads = globalThis as unknown as { crmHeavyReads?: Line };
const line = (globalForReads.crmHeavyReads ??= { queue: createFairQueue<Waiting>(), scheduled: false, rested: null });

function run(): void {
  line.scheduled = false;
  const next = line.queue.take();
  if (!next) return;
  const started = performance.now();
  try {
    next.item();
  } finally {
    line.queue.done(next.owner);
    const ended = performance.now();
    line.rested = { owner: next.owner, until: ended + (ended - started) * REST_PER_READ };
    runNext();
  }
}

function runNext(): void {
  if (line.scheduled || line.queue.size() === 0) return;
  line.scheduled = true;
  // A later turn in any case: requests that arrived meanwhile join the line before it is looked at.
  setImmediate(afterATurn);
}

function afterATurn(): void {
  const { rested } = line;
  const wait = rested && line.queue.waitingOwners().every((owner) => owner === rested.owner) ? rested.until - performance.now() : 0;
  if (wait > 0) setTimeout(run, wait);
  else run();
}

/** `read` (synchronous) in `owner`'s turn; its result, or its failure, alone. */
export function heavyRead<T>(owner: number, read: () => T): Promise<T> {
  // The bench's A/B (bench/README.md): first come, first served.
  if (process.env.CRM_READ_LINE === '0') return Promise.resolve().then(read);
  return new Promise<T>((resolve, reject) => {
    line.queue.push(owner, () => {
      try {
        resolve(read());
      } catch (error) {
        reject(error);
      }
    });
    runNext();
  });
}
