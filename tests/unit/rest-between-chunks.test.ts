// The export worker's rest after each chunk (lib/server-load/rest-between-chunks.ts), on a made-up clock.
import { describe, expect, it, vi } from 'vitest';
import { REST_PER_WORK, workThenRest } from '@/lib/server-load/rest-between-chunks';

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
