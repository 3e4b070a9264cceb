import 'server-only';
// Everything the dashboard page shows, read in one snapshot: the totals, the tickets under them
// (a sample per visible group, the group the URL opened, or a page of the flat list) and the filter
// bar's choices.
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import type { GroupPath } from './group-path';
import { dashboardFilterOptions, type FilterOptions } from './options';
import { serialiseDashboardParams, type DashboardParams } from './params';
import {
  groupPathLabels,
  leafTicketSample,
  listPageIds,
  pathKey,
  summariseDashboard,
  summariseGroup,
  type DashboardSummary,
} from './queries';
import { dashboardTickets, type DashboardTicket } from './tickets';
import { mixesPhases, type Totals } from './tree';
import { groupLimit, LIMITS, TICKETS_PER_GROUP, visibleTree, type VisibleTree } from './view';

export const LIST_PAGE_SIZE = 100;

export type DashboardPageRequest = {
  user: SessionUser;
  params: DashboardParams;
  /** The flat list instead of the group tree, and which page of it. */
  list: { page: number } | null;
  /** The leaf group the URL opened (`open=`): expanded in the tree, or the only group of the list. */
  open: GroupPath | null;
  search: { partner: string; contact: string };
};

export type DashboardPageData = {
  summary: DashboardSummary;
  /** The group tree's visible part and, per visible leaf group (by `pathKey`), its tickets. */
  tree: { visible: VisibleTree; tickets: Map<string, DashboardTicket[]> } | null;
  /** A page of the flat list; with `group`, of that one group (its labels and totals). */
  list: { page: number; tickets: DashboardTicket[]; group: { labels: string[]; totals: Totals } | null } | null;
  options: FilterOptions;
};

function ticketsInOrder(db: Db, user: SessionUser, ids: readonly number[], instant: number): DashboardTicket[] {
  const rows = dashboardTickets(db, user, ids, instant);
  return ids.flatMap((id) => rows.get(id) ?? []);
}

export function readDashboardPage(db: Db, { user, params, list, open, search }: DashboardPageRequest): DashboardPageData {
  const t = translator(user.locale);
  // One clock for the whole page: totals, the tickets under them and their badges judge follow-ups alike.
  const instant = Date.now();
  const summary = summariseDashboard(db, user, list ? { ...params, groupBy: [] } : params, t, instant);
  const any = summary.total.count > 0;
  return {
    summary,
    tree: !list && any ? readTree() : null,
    list: list && any ? readList(list.page) : null,
    options: dashboardFilterOptions(db, user, params, search),
  };

  function readTree() {
    const groups = groupLimit(
      serialiseDashboardParams(params).toString().length,
      mixesPhases(summary.total),
      summary.total.atRisk.count > 0,
    );
    const visible = visibleTree(summary.groups, { ...LIMITS, groups }, open);
    // A small tree shows every leaf's first tickets (one query for all); a large one only the opened leaf's.
    const sample =
      visible.open && visible.leafPaths.length > 0
        ? leafTicketSample(db, user, params, TICKETS_PER_GROUP, instant)
        : new Map<string, number[]>();
    if (open && !sample.has(pathKey(open))) sample.set(pathKey(open), listPageIds(db, user, params, TICKETS_PER_GROUP, 0, open, instant));
    const rows = dashboardTickets(
      db,
      user,
      visible.leafPaths.flatMap((path) => sample.get(pathKey(path)) ?? []),
      instant,
    );
    const tickets = new Map(
      visible.leafPaths.map((path) => [pathKey(path), (sample.get(pathKey(path)) ?? []).flatMap((id) => rows.get(id) ?? [])]),
    );
    return { visible, tickets };
  }

  function readList(page: number) {
    const ids = listPageIds(db, user, params, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE, open, instant);
    const group = open
      ? { labels: groupPathLabels(db, user, params, open, t), totals: summariseGroup(db, user, params, open, instant) }
      : null;
    return { page, tickets: ticketsInOrder(db, user, ids, instant), group };
  }
}

/** The first tickets of one leaf group of the view, loaded when the group is opened, and whether it has more. */
export function readDashboardGroup(
  db: Db,
  { user, params, path }: { user: SessionUser; params: DashboardParams; path: GroupPath },
): { tickets: DashboardTicket[]; more: boolean } {
  const instant = Date.now();
  const ids = listPageIds(db, user, params, TICKETS_PER_GROUP + 1, 0, path, instant);
  return { tickets: ticketsInOrder(db, user, ids.slice(0, TICKETS_PER_GROUP), instant), more: ids.length > TICKETS_PER_GROUP };
}
