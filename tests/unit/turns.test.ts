// Turns of the event loop: each part of a heavy page starts only after what other requests queued
// meanwhile has run (and after the previous part's asynchronous work has settled), the parts keep
// their order, and one failing part does not stop the others.
import { describe, expect, it } from 'vitest';
import { inTurns, nextTurn } from '@/lib/turns';

describe('nextTurn', () => {
  it('resolves after callbacks already queued on the loop', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('queued before'));
    await nextTurn();
    seen.push('after the turn');
    expect(seen).toEqual(['queued before', 'after the turn']);
  });
});

describe('inTurns', () => {
  it('runs nothing at once, then every item in order, each in its own turn', async () => {
    const seen: string[] = [];
    const results = inTurns(['a', 'b', 'c'], (item) => {
      seen.push(`work ${item}`);
      // What another request queues while this item works must run before the next item.
      setImmediate(() => seen.push(`other after ${item}`));
      return item.toUpperCase();
    });
    expect(seen).toEqual([]);
    expect(await Promise.all(results)).toEqual(['A', 'B', 'C']);
    expect(seen).toEqual(['work a', 'other after a', 'work b', 'other after b', 'work c']);
    await nextTurn();
    expect(seen.at(-1)).toBe('other after c');
  });

  it('rejects only the failing item; the items after it still run', async () => {
    const results = inTurns([1, 2, 3], (item) => {
      if (item === 2) throw new Error('column 2 failed');
      return item * 10;
    });
    const settled = await Promise.allSettled(results);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(settled[0]).toMatchObject({ value: 10 });
    expect(settled[1]).toMatchObject({ reason: new Error('column 2 failed') });
    expect(settled[2]).toMatchObject({ value: 30 });
  });

  it('starts asynchronous work only when the previous item\'s has settled, failed or not', async () => {
    const seen: string[] = [];
    const finish: Record<number, () => void> = {};
    const results = inTurns([1, 2, 3], (item) => {
      seen.push(`start ${item}`);
      return new Promise<number>((resolve, reject) => {
        finish[item] = () => (item === 2 ? reject(new Error('read 2 failed')) : resolve(item * 10));
      });
    });
    const settle = async (item: number) => {
      while (!finish[item]) await nextTurn();
      expect(seen.at(-1)).toBe(`start ${item}`);
      await nextTurn();
      expect(seen).toHaveLength(item);
      finish[item]();
    };
    await settle(1);
    await settle(2);
    await settle(3);
    const settled = await Promise.allSettled(results);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seen).toEqual(['start 1', 'start 2', 'start 3']);
  });

  it('gives an empty list for no items', () => {
    expect(inTurns([], () => 1)).toEqual([]);
  });
});
