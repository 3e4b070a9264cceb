// How many reads for the pages are waiting for a read worker or being computed, in memory every
// thread of the server can see: a download gives way while it is not zero (lib/exports/rest.ts).
// Kept on `globalThis`, so that every route of the server (and a reloaded module in development)
// counts in the same cell.

const globalForReads = globalThis as unknown as { crmReadsInFlight?: Int32Array };

/** The cell itself (one 32-bit counter on shared memory), to hand to a worker thread. */
export function readsInFlight(): Int32Array {
  return (globalForReads.crmReadsInFlight ??= new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)));
}

/** Counts `read` as in flight until it settles, whichever way. */
export function countedRead<T>(read: () => Promise<T>): Promise<T> {
  const cell = readsInFlight();
  Atomics.add(cell, 0, 1);
  const ended = () => {
    // The last read to end wakes whoever waits for none to be left.
    if (Atomics.sub(cell, 0, 1) === 1) Atomics.notify(cell, 0);
  };
  try {
    return read().finally(ended);
  } catch (error) {
    ended();
    throw error;
  }
}
