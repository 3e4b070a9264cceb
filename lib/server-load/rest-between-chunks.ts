// A download rests after each chunk for half the time the chunk took, so that downloads, even one
// after another, leave the pages a share of the processors. Why: bench/README.md, "Concurrency A/B".

/** How long the export worker rests after a chunk, as a share of the time the chunk took. */
export const REST_PER_WORK = 0.5;

/** A cell nobody writes to: waiting on it is a sleep. */
const NEVER_SET = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the calling thread for `ms` milliseconds (the export worker has nothing else to do meanwhile). */
export function sleepThisThread(ms: number): void {
  if (ms > 0) Atomics.wait(NEVER_SET, 0, 0, ms);
}

/** Runs `work`, then rests for REST_PER_WORK of the time it took; a failure is passed on at once. */
export function workThenRest<T>(
  work: () => T,
  sleep: (ms: number) => void = sleepThisThread,
  now: () => number = () => performance.now(),
): T {
  const started = now();
  const result = work();
  sleep((now() - started) * REST_PER_WORK);
  return result;
}
