import 'server-only';
// The ticket rows the dashboard shows under its groups and in its list (CRM data: crm only), with
// their follow-up badges (one read for all the rows' next actions, not one per ticket).
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { inChunks } from '@/lib/in-chunks';
import { ticketRowsByIds, type TicketListItem } from '@/lib/tickets/queries';
import { followupClock } from '../followups/clock';
import { staleRules } from './filter-sql';
import { FOLLOWUP_COLUMNS, ticketFollowup, type TicketFollowup } from './followups';

export type DashboardTicket = TicketListItem & { crm: NonNullable<TicketListItem['crm']>; followup: TicketFollowup };

export function dashboardTickets(
  db: Db,
  user: SessionUser,
  ids: readonly number[],
  instant: number = Date.now(),
): Map<number, DashboardTicket> {
  assertRole(user, 'crm');
  const clock = followupClock(instant);
  const rules = staleRules(db.$client, clock);
  const followups = new Map<number, TicketFollowup>();
  for (const part of inChunks(ids)) {
    for (const row of db
      .select({ id: tickets.id, ...FOLLOWUP_COLUMNS })
      .from(tickets)
      .where(inArray(tickets.id, part))
      .all())
      followups.set(row.id, ticketFollowup(row, clock, rules));
  }
  const rows = ticketRowsByIds(db, user, ids).flatMap((row) => {
    const followup = followups.get(row.id);
    return row.crm !== undefined && followup ? [{ ...row, crm: row.crm, followup }] : [];
  });
  return new Map(rows.map((row) => [row.id, row]));
}
