import 'server-only';
// Reads of "Meine Wiedervorlagen" (SPEC section 17), crm only: one user's CRM tickets with a next
// action, by section, each section's count exact and its rows a page at a time; whose follow-ups
// there are; the start page's due count. Every read of follow-ups stays on the partial index
// tickets_crm_followups (assignee_id, next_action_at where crm_enabled = 1 and next_action_at is not null).
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketPartnerIdUnjoined } from '@/lib/parties/names';
import { crmTicketStatuses, partners, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { followupSectionCase, LAST_CRM_CHANGE, nextActionOverdue } from '../property-sql';
import { FOLLOWUP_SECTIONS, nextActionState, staleDays, type FollowupClock, type FollowupSection, type NextActionState } from './clock';
import { FOLLOWUP_PAGE_SIZE, type FollowupView } from './schemas';

/** CRM tickets with a next action: the partial index's own condition, written literally so SQLite can match it. */
const HAS_FOLLOWUP = sql`${tickets.crmEnabled} = 1 and ${tickets.nextActionAt} is not null`;

/** `assigneeId`'s follow-ups, on the partial index. */
function followupsOf(assigneeId: number): SQL {
  return and(eq(tickets.assigneeId, assigneeId), HAS_FOLLOWUP)!;
}

export type FollowupRow = {
  id: number;
  number: string;
  title: string;
  partner: string | null;
  status: { name: string; color: string | null } | null;
  potentialCents: number | null;
  nextActionAt: string;
  nextActionText: string;
  crmVersion: number;
  state: NextActionState;
  /** "veraltet seit N Tagen", null while fresh (open statuses with a rule only). */
  staleDays: number | null;
  staleAfterDays: number | null;
  lastCrmChange: Date | null;
};

export type FollowupSectionData = { section: FollowupSection; count: number; page: number; pages: number; rows: FollowupRow[] };

export type FollowupList = { assignee: { id: number; name: string }; sections: FollowupSectionData[] };

/**
 * One user's follow-ups at `clock` (crm only; undefined for an unknown user): per section its exact
 * count and one page of rows, sorted by next action then ticket number. Two reads: the counts, and
 * every section's page of rows at once.
 */
export function listFollowups(
  db: Db,
  user: SessionUser,
  view: FollowupView & { assigneeId: number },
  clock: FollowupClock,
): FollowupList | undefined {
  assertRole(user, 'crm');
  const assignee = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, view.assigneeId)).get();
  if (!assignee) return undefined;
  const section = followupSectionCase(clock);
  const counts = new Map(
    db
      .select({ section, count: sql<number>`count(*)` })
      .from(tickets)
      .where(followupsOf(assignee.id))
      .groupBy(section)
      .all()
      .map((row) => [row.section, row.count]),
  );
  const pageOf = (key: FollowupSection) => {
    const pages = Math.max(1, Math.ceil((counts.get(key) ?? 0) / FOLLOWUP_PAGE_SIZE));
    return Math.min(view.section === key ? view.page : 1, pages);
  };
  const ranked = db
    .select({
      id: tickets.id,
      section: sql<FollowupSection>`${section}`.as('followup_section'),
      position: sql<number>`row_number() over (partition by ${section} order by ${tickets.nextActionAt}, ${tickets.number})`.as(
        'followup_position',
      ),
    })
    .from(tickets)
    .where(followupsOf(assignee.id))
    .as('ranked');
  // Each section's window of rows, numbered within its section in the list's order.
  const windows = FOLLOWUP_SECTIONS.map((key) => {
    const from = (pageOf(key) - 1) * FOLLOWUP_PAGE_SIZE;
    return sql`(${ranked.section} = ${key} and ${ranked.position} > ${from} and ${ranked.position} <= ${from + FOLLOWUP_PAGE_SIZE})`;
  });
  const rows = db
    .select({
      id: tickets.id,
      section: ranked.section,
      number: tickets.number,
      title: tickets.title,
      partner: partners.name,
      statusName: crmTicketStatuses.name,
      statusColor: crmTicketStatuses.color,
      phase: crmTicketStatuses.phase,
      staleAfterDays: crmTicketStatuses.staleAfterDays,
      potentialCents: tickets.potentialCents,
      nextActionAt: tickets.nextActionAt,
      nextActionText: tickets.nextActionText,
      crmVersion: tickets.crmVersion,
      lastCrmChange: sql<number | null>`${LAST_CRM_CHANGE}`,
    })
    .from(ranked)
    .innerJoin(tickets, eq(tickets.id, ranked.id))
    .leftJoin(partners, eq(partners.id, ticketPartnerIdUnjoined))
    .leftJoin(crmTicketStatuses, eq(crmTicketStatuses.id, tickets.crmStatusId))
    .where(sql.join(windows, sql` or `))
    .orderBy(asc(ranked.position))
    .all();

  const bySection = new Map<FollowupSection, FollowupRow[]>(FOLLOWUP_SECTIONS.map((key) => [key, []]));
  for (const row of rows) {
    const at = row.nextActionAt!;
    const rule = row.phase === 'open' ? row.staleAfterDays : null;
    const lastCrmChange = row.lastCrmChange === null ? null : new Date(row.lastCrmChange);
    bySection.get(row.section)!.push({
      id: row.id,
      number: row.number,
      title: row.title,
      partner: row.partner,
      status: row.statusName === null ? null : { name: row.statusName, color: row.statusColor },
      potentialCents: row.potentialCents,
      nextActionAt: at,
      nextActionText: row.nextActionText,
      crmVersion: row.crmVersion,
      state: nextActionState(at, clock),
      staleDays: staleDays(lastCrmChange, rule, clock),
      staleAfterDays: rule,
      lastCrmChange,
    });
  }
  return {
    assignee,
    sections: FOLLOWUP_SECTIONS.map((key) => {
      const count = counts.get(key) ?? 0;
      return {
        section: key,
        count,
        page: pageOf(key),
        pages: Math.max(1, Math.ceil(count / FOLLOWUP_PAGE_SIZE)),
        rows: bySection.get(key)!,
      };
    }),
  };
}

/** The users who have follow-ups, by name, with how many (crm only): the page's Bearbeiter choice. */
export function followupAssignees(db: Db, user: SessionUser): { id: number; name: string; count: number }[] {
  assertRole(user, 'crm');
  const counted = db
    .select({ assigneeId: tickets.assigneeId, count: sql<number>`count(*)`.as('count') })
    .from(tickets)
    .where(and(HAS_FOLLOWUP, isNotNull(tickets.assigneeId)))
    .groupBy(tickets.assigneeId)
    .as('counted');
  return db
    .select({ id: users.id, name: users.name, count: counted.count })
    .from(counted)
    .innerJoin(users, eq(users.id, counted.assigneeId))
    .orderBy(asc(sql`coalesce(${users.sortName}, ${users.name})`), asc(users.id))
    .all();
}

export type DueFollowups = { overdue: number; today: number };

/** How many of the user's own follow-ups are overdue and due today (crm only): the start page's line. */
export function countDueFollowups(db: Db, user: SessionUser, clock: FollowupClock): DueFollowups {
  assertRole(user, 'crm');
  const at = tickets.nextActionAt;
  const overdue = nextActionOverdue(clock);
  const row = db
    .select({
      overdue: sql<number>`coalesce(sum(${overdue}), 0)`,
      today: sql<number>`coalesce(sum(not (${overdue}) and substr(${at}, 1, 10) = ${clock.today}), 0)`,
    })
    .from(tickets)
    // Only what is due by the end of today: the index's range ends there.
    .where(and(followupsOf(user.id), sql`${at} < ${`${clock.today}U`}`))
    .get();
  return { overdue: row?.overdue ?? 0, today: row?.today ?? 0 };
}

/** The ticket an action on the page just changed, for its notice (crm only). */
export function followupNotice(db: Db, user: SessionUser, ticketId: number): { number: string; nextActionAt: string | null } | undefined {
  assertRole(user, 'crm');
  return db
    .select({ number: tickets.number, nextActionAt: tickets.nextActionAt })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.crmEnabled, true)))
    .get();
}

/** A ticket's follow-up state for its CRM panel: the next action's badge and, for a stale deal, since when. */
export type TicketFollowupState = {
  state: NextActionState;
  staleDays: number | null;
  staleAfterDays: number | null;
  lastCrmChange: Date | null;
};

/** The follow-up state of one ticket at `clock` (crm only; undefined for a ticket that does not exist). */
export function ticketFollowupState(db: Db, user: SessionUser, ticketId: number, clock: FollowupClock): TicketFollowupState | undefined {
  assertRole(user, 'crm');
  const row = db
    .select({
      nextActionAt: tickets.nextActionAt,
      phase: crmTicketStatuses.phase,
      staleAfterDays: crmTicketStatuses.staleAfterDays,
      lastCrmChange: sql<number | null>`${LAST_CRM_CHANGE}`,
    })
    .from(tickets)
    .leftJoin(crmTicketStatuses, eq(crmTicketStatuses.id, tickets.crmStatusId))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!row) return undefined;
  const rule = row.phase === 'open' ? row.staleAfterDays : null;
  const lastCrmChange = row.lastCrmChange === null ? null : new Date(row.lastCrmChange);
  return {
    state: nextActionState(row.nextActionAt, clock),
    staleDays: staleDays(lastCrmChange, rule, clock),
    staleAfterDays: rule,
    lastCrmChange,
  };
}
