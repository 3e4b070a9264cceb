// The export worker's rest after each chunk (lib/exports/rest.ts), on a made-up clock, and its
// giving way to the pages, on shared memory with a second thread.
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { giveWayToPages, REST_PER_WORK, workThenRest } from '@/lib/exports/rest';

describe('workThenRest', () => {
  it('rests for its share of the time the work took, after the work', () => {
    const times = [1_000, 1_040];
    const order: string[] = [];
    const sleep = vi.fn((ms: number) => order.push(`rest ${ms}`));
    const result = workThenRest(
      () => {
        order.push('work');
        return 'chunk';
      },
      sleep,
      () => times.shift()!,
    );
    expect(result).toBe('chunk');
    expect(order).toEqual(['work', `rest ${40 * REST_PER_WORK}`]);
    expect(REST_PER_WORK).toBeGreaterThan(0);
  });

  it('does not rest when the work fails', () => {
    const sleep = vi.fn();
    expect(() =>
      workThenRest(
        () => {
          throw new Error('row cannot be written');
        },
        sleep,
        () => 0,
      ),
    ).toThrow('row cannot be written');
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('giveWayToPages', () => {
  const counter = (requests: number) => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    cell[0] = requests;
    return cell;
  };

  it('goes on at once when no request is in flight', () => {
    const now = vi.fn(() => 0);
    expect(giveWayToPages(counter(0), 60_000, now)).toBe(true);
  });

  it('waits for at most its longest time while requests stay in flight', () => {
    const cell = counter(2);
    expect(giveWayToPages(cell, 20)).toBe(false);
    expect(cell[0]).toBe(2);
  });

  it('is woken when the last request ends in another thread', async () => {
    const cell = counter(1);
    // The other thread ends the request a moment after this one began to wait.
    const other = new Worker(
      `const { workerData: cell } = require('node:worker_threads');
       Atomics.wait(cell, 0, 1, 50);
       if (Atomics.sub(cell, 0, 1) === 1) Atomics.notify(cell, 0);`,
      { eval: true, workerData: cell },
    );
    await once(other, 'online');
    expect(giveWayToPages(cell, 60_000)).toBe(true);
    expect(cell[0]).toBe(0);
    await once(other, 'exit');
  });

  it('goes on when woken, even if the next request has begun by the time it runs', async () => {
    const cell = counter(1);
    // The last request ended and the next began before this thread ran again: the count is 1 once
    // more when it looks, but it was woken.
    const other = new Worker(
      `const { workerData: cell } = require('node:worker_threads');
       Atomics.wait(cell, 0, 1, 50);
       Atomics.sub(cell, 0, 1);
       Atomics.notify(cell, 0);
       Atomics.add(cell, 0, 1);`,
      { eval: true, workerData: cell },
    );
    await once(other, 'online');
    // A wait for the whole 2 s (false) would mean it looked for a gap it can no longer see.
    expect(giveWayToPages(cell, 2_000)).toBe(true);
    await once(other, 'exit');
  });
});
