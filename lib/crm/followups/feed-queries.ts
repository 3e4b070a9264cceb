import 'server-only';
// What the calendar feed shows: the owner's CRM tickets with a next action, one read on the partial
// index tickets_crm_followups (assignee, next action), the partner (the ticket's, else its contact's) and status by primary key.
import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketPartnerIdUnjoined } from '@/lib/parties/names';
import { crmTicketStatuses, partners, tickets } from '@/db/schema';
import { assertRole, type Actor } from '@/lib/auth/access';
import { addDays } from '@/lib/csv/berlin-calendar';
import type { FollowupClock } from './clock';

/** How far back the feed reaches: older overdue actions belong on "Meine Wiedervorlagen", not in a calendar. */
export const FEED_PAST_DAYS = 90;
/** At most this many events (the nearest), so a calendar client never chokes on one feed. */
export const FEED_MAX_EVENTS = 2_000;

export type FeedFollowup = {
  id: number;
  number: string;
  title: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, Berlin wall clock. */
  nextActionAt: string;
  nextActionText: string;
  partnerName: string | null;
  statusName: string | null;
};

/** The feed's one read, unexecuted (its plan is checked in the tests: the partial index, no sort). */
export function feedFollowupsQuery(db: Db, ownerId: number, clock: FollowupClock) {
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      nextActionAt: sql<string>`${tickets.nextActionAt}`,
      nextActionText: tickets.nextActionText,
      partnerName: partners.name,
      statusName: crmTicketStatuses.name,
    })
    .from(tickets)
    .leftJoin(partners, eq(partners.id, ticketPartnerIdUnjoined))
    .leftJoin(crmTicketStatuses, eq(crmTicketStatuses.id, tickets.crmStatusId))
    .where(
      and(
        // Literal, not bound: SQLite uses a partial index only when the query's terms imply its WHERE.
        sql`${tickets.crmEnabled} = 1`,
        eq(tickets.assigneeId, ownerId),
        isNotNull(tickets.nextActionAt),
        gte(tickets.nextActionAt, addDays(clock.today, -FEED_PAST_DAYS)),
      ),
    )
    .orderBy(asc(tickets.nextActionAt), asc(tickets.id))
    .limit(FEED_MAX_EVENTS);
}

export function listFeedFollowups(db: Db, owner: Actor, clock: FollowupClock): FeedFollowup[] {
  assertRole(owner, 'crm');
  return feedFollowupsQuery(db, owner.id, clock).all();
}
