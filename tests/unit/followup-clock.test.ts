// The follow-up clock at its edges: Berlin's midnight (not UTC's), a time of day passing, the clocks
// changing, the end of the week, and staleness counted in Berlin calendar days.
import { describe, expect, it } from 'vitest';
import { berlinInstant } from '@/lib/csv/berlin-calendar';
import { followupClock, followupSection, nextActionState, staleCutoff, staleDays } from '@/lib/crm/followups/clock';

/** The clock at a Berlin wall-clock time. */
const at = (wall: string) => followupClock(berlinInstant(wall));

describe('a next action’s state', () => {
  it('turns at Berlin’s midnight, not UTC’s', () => {
    // 23:59 in Berlin on 6 December is 22:59 UTC: still the 6th on both; at 00:30 Berlin UTC is still on the 6th.
    expect(nextActionState('2026-12-06', at('2026-12-06T23:59'))).toBe('today');
    expect(nextActionState('2026-12-06', at('2026-12-07T00:00'))).toBe('overdue');
    expect(nextActionState('2026-12-06', at('2026-12-07T00:30'))).toBe('overdue');
    expect(new Date(berlinInstant('2026-12-07T00:30')).toISOString().slice(0, 10)).toBe('2026-12-06');
    expect(nextActionState('2026-12-07', at('2026-12-06T23:59'))).toBe('planned');
    expect(nextActionState('2026-12-07', at('2026-12-07T00:00'))).toBe('today');
    // Summer time: Berlin is two hours ahead of UTC.
    expect(nextActionState('2026-07-01', at('2026-07-01T01:30'))).toBe('today');
    expect(nextActionState('2026-06-30', at('2026-07-01T01:30'))).toBe('overdue');
  });

  it('with a time, is overdue once that minute has passed', () => {
    expect(nextActionState('2026-12-06T10:00', at('2026-12-06T09:59'))).toBe('today');
    expect(nextActionState('2026-12-06T10:00', at('2026-12-06T10:00'))).toBe('today');
    expect(nextActionState('2026-12-06T10:00', at('2026-12-06T10:01'))).toBe('overdue');
    expect(nextActionState('2026-12-06T23:30', at('2026-12-06T23:59'))).toBe('overdue');
    expect(nextActionState('2026-12-07T00:15', at('2026-12-06T23:59'))).toBe('planned');
  });

  it('is "keine" without one', () => {
    expect(nextActionState(null, at('2026-12-06T12:00'))).toBe('none');
  });
});

describe('the sections of Meine Wiedervorlagen', () => {
  it('end the week on Sunday', () => {
    const thursday = at('2026-12-03T09:00');
    expect(thursday.weekEnd).toBe('2026-12-06');
    expect(followupSection('2026-12-02', thursday)).toBe('overdue');
    expect(followupSection('2026-12-03T08:00', thursday)).toBe('overdue');
    expect(followupSection('2026-12-03T18:00', thursday)).toBe('today');
    expect(followupSection('2026-12-06', thursday)).toBe('week');
    expect(followupSection('2026-12-07', thursday)).toBe('later');
    const sunday = at('2026-12-06T23:59');
    expect(sunday.weekEnd).toBe('2026-12-06');
    expect(followupSection('2026-12-07', sunday)).toBe('later');
    expect(at('2026-12-07T00:00').weekEnd).toBe('2026-12-13');
  });
});

describe('staleness', () => {
  it('counts Berlin calendar days since the last CRM change beyond the status’s days', () => {
    const clock = at('2026-12-06T00:05');
    // Changed at 23:59 on 26 November (Berlin): 10 days ago. Under "veraltet nach 10 Tagen" not yet stale.
    expect(staleDays(berlinInstant('2026-11-26T23:59'), 10, clock)).toBeNull();
    expect(staleDays(berlinInstant('2026-11-25T23:59'), 10, clock)).toBe(1);
    expect(staleDays(berlinInstant('2026-10-27T12:00'), 10, clock)).toBe(30);
    expect(staleDays(null, 10, clock)).toBeNull();
    expect(staleDays(berlinInstant('2026-01-01'), null, clock)).toBeNull();
  });

  it('has its cutoff at the start of the Berlin day `days` days ago, across a change of the clocks', () => {
    const clock = at('2026-11-05T08:00');
    const cutoff = staleCutoff(14, clock);
    expect(cutoff).toBe(berlinInstant('2026-10-22'));
    // Just before the cutoff is stale, the cutoff itself is not: the same rule as staleDays.
    expect(staleDays(cutoff - 1, 14, clock)).toBe(1);
    expect(staleDays(cutoff, 14, clock)).toBeNull();
    const spring = at('2026-04-05T12:00');
    expect(new Date(staleCutoff(10, spring)).toISOString()).toBe('2026-03-25T23:00:00.000Z');
  });
});
