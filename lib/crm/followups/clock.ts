// The clock of follow-ups and stale deals (SPEC section 17): today and now in Europe/Berlin, a next
// action's state and section, a status's stale cutoff and how long a deal has been stale. Pure: the
// caller passes the instant, so a test can stand a minute before midnight.
import { addDays, berlinInstant, berlinIsoDate, berlinWallClock, daysBetween } from '@/lib/csv/berlin-calendar';

/** A next action's state, as its badge names it ("keine": none set). */
export const NEXT_ACTION_STATES = ['overdue', 'today', 'planned', 'none'] as const;
export type NextActionState = (typeof NEXT_ACTION_STATES)[number];

/** The sections of "Meine Wiedervorlagen". */
export const FOLLOWUP_SECTIONS = ['overdue', 'today', 'week', 'later'] as const;
export type FollowupSection = (typeof FOLLOWUP_SECTIONS)[number];

export type FollowupClock = {
  /** The instant, UTC milliseconds. */
  ms: number;
  /** Today in Berlin, `YYYY-MM-DD`. */
  today: string;
  /** Now in Berlin to the minute, `YYYY-MM-DDTHH:MM`: the form a next action with a time is stored in. */
  now: string;
  /** The Sunday that ends this week (today on a Sunday), `YYYY-MM-DD`. */
  weekEnd: string;
};

export function followupClock(instant: Date | number = Date.now()): FollowupClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const today = berlinIsoDate(ms);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return { ms, today, now: berlinWallClock(ms), weekEnd: addDays(today, (7 - weekday) % 7) };
}

/**
 * A next action (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) is overdue once its day is past, or, with a
 * time, once that minute is; "heute" while it is due later today; "geplant" after today.
 */
export function nextActionState(at: string | null, clock: FollowupClock): NextActionState {
  if (at === null) return 'none';
  if (at < (at.length > 10 ? clock.now : clock.today)) return 'overdue';
  return at.slice(0, 10) === clock.today ? 'today' : 'planned';
}

/** Where a next action stands in "Meine Wiedervorlagen": overdue, today, later this week, later. */
export function followupSection(at: string, clock: FollowupClock): FollowupSection {
  const state = nextActionState(at, clock);
  if (state === 'overdue' || state === 'today') return state;
  return at.slice(0, 10) <= clock.weekEnd ? 'week' : 'later';
}

/**
 * The instant before which a ticket's last CRM change makes it stale under "veraltet nach `days`
 * Tagen": the start of the Berlin day `days` days before today. A change on that day is `days` days
 * old, not older, so the ticket is still fresh.
 */
export function staleCutoff(days: number, clock: FollowupClock): number {
  return berlinInstant(addDays(clock.today, -days));
}

/**
 * How many days a ticket has been stale ("veraltet seit N Tagen"): the Berlin calendar days since its
 * last CRM change beyond the status's `days`; null while fresh, or without a rule or a change.
 */
export function staleDays(lastChange: number | Date | null, days: number | null, clock: FollowupClock): number | null {
  if (lastChange === null || days === null) return null;
  const age = daysBetween(berlinIsoDate(lastChange), clock.today);
  return age > days ? age - days : null;
}
