// The count of the pages' reads in flight (lib/reads/in-flight.ts), which downloads give way to:
// up while a read is waiting or computed, down when it settles either way.
import { describe, expect, it } from 'vitest';
import { countedRead, readsInFlight } from '@/lib/reads/in-flight';

const inFlight = () => Atomics.load(readsInFlight(), 0);

describe('countedRead', () => {
  it('counts a read until it is answered', async () => {
    let answer!: (value: string) => void;
    const read = countedRead(() => new Promise<string>((resolve) => (answer = resolve)));
    const other = countedRead(() => Promise.resolve('quick'));
    expect(inFlight()).toBe(2);
    await expect(other).resolves.toBe('quick');
    expect(inFlight()).toBe(1);
    answer('done');
    await expect(read).resolves.toBe('done');
    expect(inFlight()).toBe(0);
  });

  it('stops counting a read that fails, whether it fails later or at once', async () => {
    await expect(countedRead(() => Promise.reject(new Error('worker stopped')))).rejects.toThrow('worker stopped');
    expect(() =>
      countedRead(() => {
        throw new Error('no worker');
      }),
    ).toThrow('no worker');
    expect(inFlight()).toBe(0);
  });

  it('is one cell for every caller of the process', () => {
    expect(readsInFlight()).toBe(readsInFlight());
    expect(readsInFlight().buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
