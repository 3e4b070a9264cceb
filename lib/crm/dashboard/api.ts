import 'server-only';
// The dashboard's group tree as JSON (SPEC section 12): exactly the numbers the page shows, with
// every ticket id of each leaf group. Plain data in and out: a read worker (lib/reads) computes it.
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import type { DashboardParams } from './params';
import { leafTicketIds, pathKey, summariseDashboard } from './queries';
import type { GroupId, GroupNode, Totals } from './tree';

type JsonTotals = Totals;
export type JsonGroup = JsonTotals & { key: string; id: GroupId; label: string } & ({ groups: JsonGroup[] } | { ticketIds: number[] });

export function dashboardJson(db: Db, { user, params }: { user: SessionUser; params: DashboardParams }) {
  const summary = summariseDashboard(db, user, params, translator(user.locale));
  const leaves = params.groupBy.length > 0 ? leafTicketIds(db, user, params) : new Map<string, number[]>();
  const toJson = (group: GroupNode, prefix: GroupId[]): JsonGroup => {
    const { groups, ...rest } = group;
    const path = [...prefix, group.id];
    return groups.length > 0 ? { ...rest, groups: groups.map((child) => toJson(child, path)) } : { ...rest, ticketIds: leaves.get(pathKey(path)) ?? [] };
  };
  return { groupBy: summary.groupBy, total: summary.total, groups: summary.groups.map((group) => toJson(group, [])) };
}
