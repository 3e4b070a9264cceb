// A fixed number of slots, first come first served, and one place per owner (lib/server-load/slots.ts).
import { describe, expect, it } from 'vitest';
import { createOnePerOwner, createSlots } from '@/lib/server-load/slots';

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('createSlots', () => {
  it('hands out at most `count` slots and the freed ones in order of asking', async () => {
    const slots = createSlots(2);
    const first = await slots.take();
    await slots.take();
    const order: string[] = [];
    const third = slots.take().then((release) => (order.push('third'), release));
    const fourth = slots.take().then((release) => (order.push('fourth'), release));
    await settled();
    expect(order).toEqual([]);
    expect(slots.state()).toEqual({ held: 2, waiting: 2 });
    first();
    first();
    await settled();
    expect(order).toEqual(['third']);
    expect(slots.state()).toEqual({ held: 2, waiting: 1 });
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(slots.state()).toEqual({ held: 2, waiting: 0 });
  });

  it('gives up the place in line when the waiter aborts, and rejects with its reason', async () => {
    const slots = createSlots(1);
    const holder = await slots.take();
    const giving = new AbortController();
    const givenUp = slots.take(giving.signal);
    const next = slots.take();
    giving.abort(new Error('client went away'));
    await expect(givenUp).rejects.toThrow('client went away');
    expect(slots.state()).toEqual({ held: 1, waiting: 1 });
    holder();
    (await next)();
    expect(slots.state()).toEqual({ held: 0, waiting: 0 });
  });

  it('refuses at once when already aborted, and an abort after the slot was taken changes nothing', async () => {
    const slots = createSlots(1);
    await expect(slots.take(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    const late = new AbortController();
    const release = await slots.take(late.signal);
    late.abort();
    expect(slots.state()).toEqual({ held: 1, waiting: 0 });
    release();
    expect(slots.state()).toEqual({ held: 0, waiting: 0 });
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => createSlots(0)).toThrow(RangeError);
    expect(() => createSlots(1.5)).toThrow(RangeError);
  });
});

describe('createOnePerOwner', () => {
  it("refuses an owner's second place at once, never another owner's, and frees it on release", () => {
    const places = createOnePerOwner();
    const anna = places.claim(1);
    expect(anna).toBeTypeOf('function');
    expect(places.claim(1)).toBeNull();
    const ben = places.claim(2);
    expect(ben).toBeTypeOf('function');
    expect(places.size()).toBe(2);
    anna!();
    anna!();
    expect(places.size()).toBe(1);
    const again = places.claim(1);
    expect(again).toBeTypeOf('function');
    // Anna's old release does not free her new place.
    anna!();
    expect(places.claim(1)).toBeNull();
    again!();
    ben!();
    expect(places.size()).toBe(0);
  });
});
