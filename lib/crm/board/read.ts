import 'server-only';
// What the pipeline board shows (SPEC section 16), read in one snapshot: the dashboard's level-1
// groups of the column key (their totals are the dashboard's own), the first cards of each column
// (highest potential first, as the dashboard lists them), and the filter bar's choices.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, crmTicketStatuses, partners, tickets, type Phase } from '@/db/schema';
import { inChunks } from '@/lib/in-chunks';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import { readEntries } from '@/lib/lookups/queries';
import { ticketPartnerId } from '@/lib/parties/names';
import { dashboardFilterOptions, type FilterOptions } from '../dashboard/options';
import type { DashboardParams } from '../dashboard/params';
import { staleRules } from '../dashboard/filter-sql';
import { FOLLOWUP_COLUMNS, ticketFollowup, type TicketFollowup } from '../dashboard/followups';
import { leafTicketSample, pathKey, summariseDashboard } from '../dashboard/queries';
import { followupClock } from '../followups/clock';
import type { GroupId, PhasedTotals } from '../dashboard/tree';
import { cardsPerColumn, type BoardColumn } from './columns';

export type BoardCard = {
  id: number;
  number: string;
  title: string;
  partner: string | null;
  potentialCents: number | null;
  probability: number | null;
  expectedClose: string | null;
  version: number;
  crmVersion: number;
  /** Its next action's state and staleness (SPEC section 17), for the card's badges. */
  followup: TicketFollowup;
};

export type BoardColumnData = {
  /** The group's id as the dashboard names it (a status or user id, `YYYY-MM`, null for the empty group). */
  id: GroupId;
  label: string;
  /** A CRM status column's colour and phase. */
  color?: string | null;
  phase?: Phase;
  totals: PhasedTotals;
  cards: BoardCard[];
};

export type BoardData = {
  total: PhasedTotals;
  columns: BoardColumnData[];
  /** The lost reasons to choose from when a card moves into a lost status (active ones, admin order). */
  lostReasons: { id: number; name: string }[];
  options: FilterOptions;
};

/** The view's parameters with the board's column key as the one grouping level. */
export function boardParams(params: DashboardParams, column: BoardColumn): DashboardParams {
  return { ...params, groupBy: [column] };
}

/** The cards, with their follow-up badges judged at `instant` (the summary's clock). */
function cardsByIds(db: Db, ids: number[], instant: number): Map<number, BoardCard> {
  const result = new Map<number, BoardCard>();
  const clock = followupClock(instant);
  const rules = staleRules(db.$client, clock);
  for (const part of inChunks(ids)) {
    const rows = db
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        partner: partners.name,
        potentialCents: tickets.potentialCents,
        probability: tickets.probability,
        expectedClose: tickets.expectedClose,
        version: tickets.version,
        crmVersion: tickets.crmVersion,
        ...FOLLOWUP_COLUMNS,
      })
      .from(tickets)
      .leftJoin(contacts, eq(contacts.id, tickets.contactId))
      .leftJoin(partners, eq(partners.id, ticketPartnerId))
      .where(inArray(tickets.id, part))
      .all();
    for (const { nextActionAt, lastCrmChange, crmStatusId, ...card } of rows)
      result.set(card.id, { ...card, followup: ticketFollowup({ nextActionAt, lastCrmChange, crmStatusId }, clock, rules) });
  }
  return result;
}

export function readBoard(
  db: Db,
  {
    user,
    params,
    column,
    search,
  }: { user: SessionUser; params: DashboardParams; column: BoardColumn; search: { partner: string; contact: string } },
): BoardData {
  assertRole(user, 'crm');
  const t = translator(user.locale);
  const view = boardParams(params, column);
  // The dashboard's own totals of its first level: the board's column heads equal them by construction.
  const instant = Date.now();
  const summary = summariseDashboard(db, user, view, t, instant);
  const sample =
    summary.total.count > 0
      ? leafTicketSample(db, user, view, cardsPerColumn(summary.groups.length), instant)
      : new Map<string, number[]>();
  const cards = cardsByIds(db, [...sample.values()].flat(), instant);
  const statuses =
    column === 'crmStatus'
      ? new Map(
          db
            .select({ id: crmTicketStatuses.id, phase: crmTicketStatuses.phase, color: crmTicketStatuses.color })
            .from(crmTicketStatuses)
            .all()
            .map((row) => [row.id, row]),
        )
      : null;
  const columns = summary.groups.map((group): BoardColumnData => {
    const status = statuses && typeof group.id === 'number' ? statuses.get(group.id) : undefined;
    return {
      id: group.id,
      label: group.label,
      ...(statuses ? { color: status?.color ?? null, phase: status?.phase ?? 'open' } : {}),
      totals: group,
      cards: (sample.get(pathKey([group.id])) ?? []).flatMap((id) => cards.get(id) ?? []),
    };
  });
  const lostReasons =
    column === 'crmStatus'
      ? readEntries(db, 'lostReasons')
          .filter((entry) => !entry.archived)
          .map(({ id, name }) => ({ id, name }))
      : [];
  return { total: summary.total, columns, lostReasons, options: dashboardFilterOptions(db, user, params, search) };
}
