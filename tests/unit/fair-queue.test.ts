// The heavy reads' line (lib/server-load/fair-queue.ts): one user's burst cannot hold up another user's read
// for more than the one read that finishes first, an owner never served goes first, and one user alone gets every turn.
import { describe, expect, it } from 'vitest';
import { createFairQueue } from '@/lib/server-load/fair-queue';

describe('createFairQueue', () => {
  it("serves another owner's item after at most one item of a burst, with two workers busy with the burst", () => {
    const queue = createFairQueue<string>();
    for (let index = 1; index <= 6; index += 1) queue.push('anna', `anna ${index}`);
    // Two workers take the first two of the burst; then Ben asks once.
    const running = [queue.take()!, queue.take()!];
    expect(running.map(({ item }) => item)).toEqual(['anna 1', 'anna 2']);
    queue.push('ben', 'ben 1');
    // The first of Anna's items to finish frees a worker: Ben's item is next.
    queue.done('anna');
    expect(queue.take()).toEqual({ owner: 'ben', item: 'ben 1' });
    queue.done('anna');
    expect(queue.take()?.item).toBe('anna 3');
    queue.done('ben');
    expect(queue.take()?.item).toBe('anna 4');
    expect(queue.size()).toBe(2);
  });

  it('takes turns between owners with the same number of items in progress, each in its own order', () => {
    const queue = createFairQueue<string>();
    for (const item of ['a1', 'a2', 'a3']) queue.push('a', item);
    for (const item of ['b1', 'b2']) queue.push('b', item);
    queue.push('c', 'c1');
    const order: string[] = [];
    for (let next = queue.take(); next; next = queue.take()) {
      order.push(next.item);
      queue.done(next.owner);
    }
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    expect(queue.size()).toBe(0);
  });

  it('serves an owner that arrives just after another was served before that owner again', () => {
    const queue = createFairQueue<string>();
    queue.push('a', 'a1');
    queue.push('a', 'a2');
    const first = queue.take()!;
    queue.done(first.owner);
    // b's item arrives after a's first was finished: a was served, b never.
    queue.push('b', 'b1');
    expect([queue.take()?.item, queue.take()?.item]).toEqual(['b1', 'a2']);
  });

  it("gives one owner alone every item it asks for, and an owner's later item waits for its earlier ones to start", () => {
    const queue = createFairQueue<number>();
    queue.push(7, 1);
    queue.push(7, 2);
    expect([queue.take()?.item, queue.take()?.item, queue.take()]).toEqual([1, 2, undefined]);
  });

  it('hands back what waited when cleared, and ignores a done for an owner with nothing in progress', () => {
    const queue = createFairQueue<string>();
    queue.push('a', 'a1');
    queue.push('b', 'b1');
    queue.take();
    queue.done('b');
    expect(queue.clear()).toEqual(['b1']);
    expect(queue.size()).toBe(0);
    expect(queue.take()).toBeUndefined();
  });
});
