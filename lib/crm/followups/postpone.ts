// "+1 Tag" and "+1 Woche" of "Meine Wiedervorlagen" (SPEC section 17): a next action moves on from
// the later of its own day and today, so an overdue one lands ahead of today, not in the past; its
// time of day stays. Pure: the caller passes the clock.
import { addDays } from '@/lib/csv/berlin-calendar';
import type { FollowupClock } from './clock';

export const POSTPONE_DAYS = { day: 1, week: 7 } as const;
export type PostponeStep = keyof typeof POSTPONE_DAYS;

/** The next action `at` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) postponed by `step`, its time kept. */
export function postponedNextAction(at: string, step: PostponeStep, clock: FollowupClock): string {
  const day = at.slice(0, 10);
  const from = day < clock.today ? clock.today : day;
  return `${addDays(from, POSTPONE_DAYS[step])}${at.slice(10)}`;
}
