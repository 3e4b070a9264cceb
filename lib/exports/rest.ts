// A download shares the machine with the pages: after each chunk its worker rests for half the time
// the chunk took, so a download, even one after another, keeps at most two thirds of one processor
// busy. Its low CPU priority (worker.ts) is not enough on its own: even a download in a process of
// its own at the lowest priority slowed the pages on the other core, so what it costs them is not
// the scheduler's to give back. Measured in bench/README.md (point 7).
//
// Then, while the server is answering any other request (lib/pages-in-flight.ts), the worker waits
// before it writes the next chunk, for at most GIVE_WAY_MS a chunk: the pages people wait for then
// share the machine with no more of a download than the chunk already being written, and a download
// is slowed, never stopped, however busy the pages are. Measured in bench/README.md (point 8).

/** How long the worker rests after a chunk, as a share of the time the chunk took. */
export const REST_PER_WORK = 0.5;

/** A cell nobody writes to: waiting on it is a sleep. */
const NEVER_SET = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the calling thread for `ms` milliseconds (the export worker has nothing else to do meanwhile). */
export function sleepThisThread(ms: number): void {
  if (ms > 0) Atomics.wait(NEVER_SET, 0, 0, ms);
}

/** Runs `work`, then rests for REST_PER_WORK of the time it took; a failure is passed on at once. */
export function workThenRest<T>(work: () => T, sleep: (ms: number) => void = sleepThisThread, now: () => number = () => performance.now()): T {
  const started = now();
  const result = work();
  sleep((now() - started) * REST_PER_WORK);
  return result;
}

/** The longest a download waits for the pages before each chunk (a dashboard answers in about 100 ms alone). */
export const GIVE_WAY_MS = 200;

/**
 * Waits until no request is in flight (`pages`, a shared counter) or `longestMs` have passed; true
 * when a moment without requests came. Being woken counts as that moment even if the next request
 * has begun by the time this thread runs again: a client asking for pages back to back leaves gaps
 * of a millisecond, shorter than a thread at the lowest priority takes to be scheduled, and waiting
 * for a gap it can see would hold the download for the whole `longestMs` before every chunk.
 * `now` is the clock the wait is measured on.
 */
export function giveWayToPages(pages: Int32Array, longestMs: number = GIVE_WAY_MS, now: () => number = () => performance.now()): boolean {
  const until = now() + longestMs;
  for (;;) {
    const count = Atomics.load(pages, 0);
    if (count <= 0) return true;
    const left = until - now();
    if (left <= 0) return false;
    // Woken ('ok') only by the last request to end; 'not-equal' when the count changed just before.
    if (Atomics.wait(pages, 0, count, left) === 'ok') return true;
  }
}
