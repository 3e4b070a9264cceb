// A ticket's follow-up badges as the dashboard's lists and the board's cards show them (SPEC section
// 17): its next action's state and how long it has been stale, judged at the request's clock by the
// stale rules read once (lib/crm/followups/clock.ts, the rules the dashboard's SQL uses).
import { sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { nextActionState, staleDays, type FollowupClock, type NextActionState } from '../followups/clock';
import { LAST_CRM_CHANGE } from '../property-sql';
import type { StaleRule } from '../properties';

/** The state and, for a stale deal, the days beyond its rule: what a row's or card's badges say. */
export type TicketFollowup = { state: NextActionState; staleDays: number | null };

/** What a ticket's badges are read from, selected beside its other columns. */
export const FOLLOWUP_COLUMNS = {
  nextActionAt: tickets.nextActionAt,
  lastCrmChange: sql<number | null>`${LAST_CRM_CHANGE}`,
  crmStatusId: tickets.crmStatusId,
};

export type FollowupSource = { nextActionAt: string | null; lastCrmChange: number | null; crmStatusId: number | null };

export function ticketFollowup(row: FollowupSource, clock: FollowupClock, rules: readonly StaleRule[]): TicketFollowup {
  const rule = row.crmStatusId === null ? undefined : rules.find((candidate) => candidate.id === row.crmStatusId);
  const last = row.lastCrmChange === null ? null : Number(row.lastCrmChange);
  return { state: nextActionState(row.nextActionAt, clock), staleDays: rule ? staleDays(last, rule.days, clock) : null };
}
