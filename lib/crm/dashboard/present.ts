// The dashboard's figures and ticket rows as the words a reader sees, formatted on the server in
// the user's language: the group tree (a client leaf that loads tickets when a group is opened)
// receives plain strings, few bytes per group, instead of rendered markup.
import { PHASES } from '@/db/schema';
import type { Formatter, Translate } from '@/lib/i18n';
import type { NextActionState } from '../followups/clock';
import type { CrmStatusStyles } from '@/lib/lookups/queries';
import { serialiseGroupPath } from './group-path';
import type { DashboardTicket } from './tickets';
import type { PhasedTotals, Totals } from './tree';
import { TICKETS_PER_GROUP, type VisibleGroup } from './view';

/**
 * One ticket under a group or in the list: its id, then the columns of SPEC section 8 as shown.
 * A tuple, not an object: a page carries up to hundreds of rows to the browser, names and all.
 */
export type TicketRow = [
  id: number,
  number: string,
  title: string,
  party: string,
  /** The CRM status's name, or its name and colour (`#rrggbb`) for a status badge. */
  status: string | [name: string, color: string],
  probability: string,
  potential: string,
  users: string,
  assignee: string,
  /** The follow-up badges: the next action's state and, when stale, the days (words once per table: lib/crm/followups/words.ts). */
  followup: [state: NextActionState, staleDays: number | null],
];

/** "12 · 34.000,00 €": how many tickets of a group or view are at risk, and their Σ Umsatzpotenzial. */
export function presentRiskFigures(totals: PhasedTotals, format: Formatter): string {
  return `${format.integer(totals.atRisk.count)} · ${format.money(totals.atRisk.sumPotentialCents)}`;
}

/** "gefährdet: 12 · 34.000,00 €" for a group or view with tickets at risk. */
export function presentAtRisk(totals: PhasedTotals, t: Translate, format: Formatter): string {
  return t('followups.atRiskFigures', { figures: presentRiskFigures(totals, format) });
}

/** The five figures of a group or of the whole view, in the order of `figureLabels`. */
export type Figures = [count: string, potential: string, weighted: string, probability: string, users: string];

/** A group as the tree draws it; what is absent is the default (bytes count: up to 500 groups a page). */
export type TreeGroup = {
  /** The `open` parameter naming this group (leaves) or its prefix. */
  path: string;
  label: string;
  /** A CRM status group's colour (`#rrggbb`), drawn as a swatch beside the label. */
  color?: string;
  figures: Figures;
  /** On the path of the group the URL opened. */
  expanded?: true;
  /** The subgroups; absent on a leaf. */
  groups?: TreeGroup[];
  /** A leaf's tickets when the page already shows them; otherwise they load when it is opened. */
  tickets?: TicketRow[];
  /** The group has more tickets than `tickets` holds. */
  more?: true;
  /** Count and Σ Umsatzpotenzial per phase (open, won, lost; '' where none), when the view mixes phases. */
  phases?: PhaseFigures;
  /** "12 · 34.000,00 €" at risk (SPEC section 17), when the group holds tickets at risk; the word comes once from the tree. */
  risk?: string;
};

/** "12 · 34.000,00 €" for open, won and lost; '' for a phase without tickets. */
export type PhaseFigures = [open: string, won: string, lost: string];

const DASH = '—';

export function figureLabels(t: Translate): Figures {
  return [
    t('dashboard.count'),
    t('dashboard.sumPotential'),
    t('dashboard.sumWeighted'),
    t('dashboard.avgProbability'),
    t('dashboard.sumUsers'),
  ];
}

/** "50,3 % aus 10 von 143": the average says how many of the tickets have a chance to average. */
export function averageProbability(totals: Totals, t: Translate, format: Formatter): string {
  if (totals.avgProbability === null) return DASH;
  return t('dashboard.avgOf', {
    average: format.percent(totals.avgProbability),
    n: format.integer(totals.probabilityCount),
    count: format.integer(totals.count),
  });
}

export function presentFigures(totals: Totals, t: Translate, format: Formatter): Figures {
  return [
    format.integer(totals.count),
    format.money(totals.sumPotentialCents),
    format.money(totals.sumWeightedCents),
    averageProbability(totals, t, format),
    format.integer(totals.sumExpectedUsers),
  ];
}

/** A group's phases in short; the phase names come once from the tree (group-tree.tsx). */
export function presentPhases(totals: PhasedTotals, format: Formatter): PhaseFigures {
  return PHASES.map((phase) => {
    const { count, sumPotentialCents } = totals.phases[phase];
    return count === 0 ? '' : `${format.integer(count)} · ${format.money(sumPotentialCents)}`;
  }) as PhaseFigures;
}

/** A ticket's CRM status cell: its name, with its colour when the status has one. */
function statusCell(crm: DashboardTicket['crm'], statuses: CrmStatusStyles | undefined): TicketRow[4] {
  const color = crm.statusId === null ? null : (statuses?.get(crm.statusId)?.color ?? null);
  return crm.status === null ? DASH : color ? [crm.status, color] : crm.status;
}

export function presentTicket(ticket: DashboardTicket, format: Formatter, statuses?: CrmStatusStyles): TicketRow {
  const { crm } = ticket;
  return [
    ticket.id,
    ticket.number,
    ticket.title,
    [ticket.partner?.name, ticket.contact?.name].filter(Boolean).join(' · ') || DASH,
    statusCell(crm, statuses),
    crm.probability === null ? DASH : format.percent(crm.probability),
    crm.potentialCents === null ? DASH : format.money(crm.potentialCents),
    crm.expectedUsers === null ? DASH : format.integer(crm.expectedUsers),
    ticket.assignee?.name ?? DASH,
    [ticket.followup.state, ticket.followup.staleDays],
  ];
}

export function presentTree(
  groups: readonly VisibleGroup[],
  tickets: (group: VisibleGroup) => DashboardTicket[],
  t: Translate,
  format: Formatter,
  how: {
    /** Whether each group shows its split by phase (when the view mixes phases). */
    phases: boolean;
    /** The CRM statuses' colours, for the crmStatus groups' swatches and the tickets' status badges. */
    statuses?: CrmStatusStyles;
  },
): TreeGroup[] {
  return groups.map((group) => ({
    path: serialiseGroupPath(group.path),
    label: group.label,
    ...groupColor(group, how.statuses),
    figures: presentFigures(group, t, format),
    ...(how.phases ? { phases: presentPhases(group, format) } : {}),
    ...(group.atRisk.count > 0 ? { risk: presentRiskFigures(group, format) } : {}),
    ...(group.expanded ? { expanded: true as const } : {}),
    ...(group.groups.length > 0 ? { groups: presentTree(group.visibleGroups, tickets, t, format, how) } : {}),
    ...(group.showTickets ? { tickets: tickets(group).map((ticket) => presentTicket(ticket, format, how.statuses)) } : {}),
    ...(group.showTickets && group.count > TICKETS_PER_GROUP ? { more: true as const } : {}),
  }));
}

/** A crmStatus group's colour, when its status has one. */
function groupColor(group: VisibleGroup, statuses: CrmStatusStyles | undefined): { color?: string } {
  if (group.key !== 'crmStatus' || typeof group.id !== 'number') return {};
  const color = statuses?.get(group.id)?.color;
  return color ? { color } : {};
}
