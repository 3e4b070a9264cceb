import 'server-only';
// Everything the dashboard page shows, read in one snapshot: the totals, the tickets under them
// (a sample per visible group, or a page of the flat list) and the filter bar's choices. Plain data,
// so that a read worker (lib/reads) can compute it off the event loop that renders the pages.
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import { dashboardFilterOptions, type FilterOptions } from './options';
import type { DashboardParams } from './params';
import { leafTicketSample, listPageIds, pathKey, summariseDashboard, type DashboardSummary } from './queries';
import { dashboardTickets, type DashboardTicket } from './tickets';
import { visibleTree, type VisibleTree } from './view';

export const LIST_PAGE_SIZE = 100;

export type DashboardPageRequest = {
  user: SessionUser;
  params: DashboardParams;
  /** The flat list instead of the group tree, and which page of it. */
  list: { page: number } | null;
  search: { partner: string; contact: string };
};

export type DashboardPageData = {
  summary: DashboardSummary;
  /** The group tree's visible part and, per visible leaf group (by `pathKey`), its tickets. */
  tree: { visible: VisibleTree; tickets: Map<string, DashboardTicket[]> } | null;
  list: { page: number; tickets: DashboardTicket[] } | null;
  options: FilterOptions;
};

export function readDashboardPage(db: Db, { user, params, list, search }: DashboardPageRequest): DashboardPageData {
  const summary = summariseDashboard(db, user, list ? { ...params, groupBy: [] } : params, translator(user.locale));
  const any = summary.total.count > 0;
  return {
    summary,
    tree: !list && any ? readTree() : null,
    list: list && any ? readList(list.page) : null,
    options: dashboardFilterOptions(db, user, params, search),
  };

  function readTree() {
    const visible = visibleTree(summary.groups);
    const sample = visible.leafPaths.length > 0 ? leafTicketSample(db, user, params, 100) : new Map<string, number[]>();
    const rows = dashboardTickets(db, user, visible.leafPaths.flatMap((path) => sample.get(pathKey(path)) ?? []));
    const tickets = new Map(visible.leafPaths.map((path) => [pathKey(path), (sample.get(pathKey(path)) ?? []).flatMap((id) => rows.get(id) ?? [])]));
    return { visible, tickets };
  }

  function readList(page: number) {
    const ids = listPageIds(db, user, params, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE);
    const rows = dashboardTickets(db, user, ids);
    return { page, tickets: ids.flatMap((id) => rows.get(id) ?? []) };
  }
}
