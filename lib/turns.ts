// Cooperative turns on the event loop. The server renders every request on one thread: a page made
// of many heavy parts (the board's eight columns) would hold it for all of them at once, and a short
// request arriving meanwhile waits for the whole page. Run in turns, each part starts in a later turn
// of the loop than the previous one ended, so requests that arrived in between get theirs first.

/** Resolves in a later turn of the event loop, after the I/O that is already waiting. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `work` for each item, one turn after the previous item's work ended (settled, if it returns a
 * promise); the promises in item order. A failure rejects only its own item's promise; the items
 * after it still run.
 */
export function inTurns<T, R>(items: readonly T[], work: (item: T) => R | Promise<R>): Promise<R>[] {
  // The bench's A/B (bench/README.md): every item at once.
  if (process.env.CRM_TURNS === '0') return items.map((item) => Promise.resolve().then(() => work(item)));
  let previous: Promise<unknown> = Promise.resolve();
  return items.map((item) => {
    const result: Promise<R> = previous.then(nextTurn).then(() => work(item));
    previous = result.catch(() => undefined);
    return result;
  });
}
