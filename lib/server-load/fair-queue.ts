// A line shared by several owners (users) that no owner can hog: each owner's items wait in a line of
// their own, and the next item comes from the owner with the fewest items being worked on, among
// equals the one served longest ago (or never). A burst of one owner's items therefore delays another owner's
// item by at most the one item that finishes first, however long the burst.

export type FairQueue<T> = {
  /** Puts `item` at the end of its owner's line. */
  push: (owner: string | number, item: T) => void;
  /** The next item to work on, counted as in progress for its owner until `done` is called. */
  take: () => { owner: string | number; item: T } | undefined;
  /** One of `owner`'s items is no longer in progress. */
  done: (owner: string | number) => void;
  /** Empties every line and returns what waited. */
  clear: () => T[];
  /** Items waiting (not those in progress). */
  size: () => number;
  /** The owners with items waiting. */
  waitingOwners: () => (string | number)[];
};

/** `served`: when the owner's last item was taken (a counter; 0 for an owner never served). */
type Line<T> = { waiting: T[]; running: number; served: number };

export function createFairQueue<T>(): FairQueue<T> {
  const lines = new Map<string | number, Line<T>>();
  let waiting = 0;
  let taken = 0;

  return {
    push(owner, item) {
      const line = lines.get(owner) ?? { waiting: [], running: 0, served: 0 };
      line.waiting.push(item);
      lines.set(owner, line);
      waiting += 1;
    },
    take() {
      let next: [string | number, Line<T>] | undefined;
      for (const entry of lines) {
        const [, line] = entry;
        if (line.waiting.length === 0) continue;
        if (!next || line.running < next[1].running || (line.running === next[1].running && line.served < next[1].served)) next = entry;
      }
      if (!next) return undefined;
      const [owner, line] = next;
      const item = line.waiting.shift()!;
      waiting -= 1;
      line.running += 1;
      line.served = ++taken;
      return { owner, item };
    },
    done(owner) {
      const line = lines.get(owner);
      if (!line || line.running === 0) return;
      line.running -= 1;
      if (line.running === 0 && line.waiting.length === 0) lines.delete(owner);
    },
    clear() {
      const items = [...lines.values()].flatMap((line) => line.waiting);
      lines.clear();
      waiting = 0;
      return items;
    },
    size: () => waiting,
    waitingOwners: () => [...lines].filter(([, line]) => line.waiting.length > 0).map(([owner]) => owner),
  };
}
