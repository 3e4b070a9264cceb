// The heavy reads (dashboard, summary API, board columns) run on the event loop, one at a time, each
// in a later turn of the loop, taking turns between users: one user's burst cannot starve another
// user's page (issue 17). Why this and no read workers: bench/README.md, "Concurrency A/B".
import { createFairQueue } from './fair-queue';

type Waiting = () => void;

const globalForReads = globalThis as unknown as { crmHeavyReads?: { line: ReturnType<typeof createFairQueue<Waiting>>; scheduled: boolean } };
const state = (globalForReads.crmHeavyReads ??= { line: createFairQueue<Waiting>(), scheduled: false });

function runNext(): void {
  if (state.scheduled || state.line.size() === 0) return;
  state.scheduled = true;
  // A later turn: requests that arrived meanwhile are read first, so they can join the line.
  setImmediate(() => {
    state.scheduled = false;
    const next = state.line.take();
    if (!next) return;
    try {
      next.item();
    } finally {
      state.line.done(next.owner);
      runNext();
    }
  });
}

/** `read` (synchronous) in `owner`'s turn; its result, or its failure, alone. */
export function heavyRead<T>(owner: number, read: () => T): Promise<T> {
  // The bench's A/B (bench/README.md): first come, first served.
  if (process.env.CRM_READ_LINE === '0') return Promise.resolve().then(read);
  return new Promise<T>((resolve, reject) => {
    state.line.push(owner, () => {
      try {
        resolve(read());
      } catch (error) {
        reject(error);
      }
    });
    runNext();
  });
}
