// A fixed number of slots handed out first come, first served: at most `count` holders at once, the
// others wait in line; and one place per owner. Together they bound how many downloads are written at
// the same time and keep any one user to one of them.

export type Slots = {
  /**
   * Resolves with the slot's release once one is free (releasing twice frees it once). If `signal`
   * aborts while waiting, the place in line is given up and the promise rejects with its reason.
   */
  take: (signal?: AbortSignal) => Promise<() => void>;
  /** Holders now and waiters in line. */
  state: () => { held: number; waiting: number };
};

export function createSlots(count: number): Slots {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`Invalid slot count ${count}`);
  let held = 0;
  const line: Array<(release: () => void) => void> = [];

  const hand = (): (() => void) => {
    held += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held -= 1;
      const next = line.shift();
      if (next) next(hand());
    };
  };

  return {
    take: (signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (held < count) return resolve(hand());
        const waiter = (release: () => void) => {
          signal?.removeEventListener('abort', giveUp);
          resolve(release);
        };
        const giveUp = () => {
          const place = line.indexOf(waiter);
          if (place >= 0) line.splice(place, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', giveUp, { once: true });
        line.push(waiter);
      }),
    state: () => ({ held, waiting: line.length }),
  };
}

/**
 * One place per owner (say a user's download, being written or waiting for a slot): a second claim by
 * the same owner is refused at once, so that one owner can never take every slot from the others.
 */
export type OnePerOwner = {
  /** The place's release (releasing twice frees it once), or null while the owner holds one. */
  claim: (owner: string | number) => (() => void) | null;
  /** Owners holding a place. */
  size: () => number;
};

export function createOnePerOwner(): OnePerOwner {
  const owners = new Set<string | number>();
  return {
    claim(owner) {
      if (owners.has(owner)) return null;
      owners.add(owner);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        owners.delete(owner);
      };
    },
    size: () => owners.size,
  };
}
