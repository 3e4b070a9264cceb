import 'server-only';
// The dashboard's group tree as JSON (SPEC section 12): exactly the numbers the page shows, with
// every ticket id of each leaf group.
import type { Db } from '@/db/client';
import { PHASES, type Phase } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import type { DashboardParams } from './params';
import { leafTicketIds, pathKey, summariseDashboard } from './queries';
import type { GroupId, GroupNode, PhasedTotals, Totals } from './tree';

/** The JSON keeps the figures of SPEC section 12; how many tickets the average covers is the page's. */
export type JsonTotals = Omit<Totals, 'probabilityCount'>;
/** A group's figures and, beside them, each phase's (SPEC section 14) and its at-risk tickets' (section 17). */
type JsonPhasedTotals = JsonTotals & { phases: Record<Phase, JsonTotals>; atRisk: JsonTotals };
export type JsonGroup = JsonPhasedTotals & { key: string; id: GroupId; label: string } & (
    { groups: JsonGroup[] } | { ticketIds: number[] }
  );

export function jsonTotals({ count, sumPotentialCents, sumWeightedCents, avgProbability, sumExpectedUsers }: Totals): JsonTotals {
  return { count, sumPotentialCents, sumWeightedCents, avgProbability, sumExpectedUsers };
}

function jsonPhasedTotals(totals: PhasedTotals): JsonPhasedTotals {
  return {
    ...jsonTotals(totals),
    phases: Object.fromEntries(PHASES.map((phase) => [phase, jsonTotals(totals.phases[phase])])) as Record<Phase, JsonTotals>,
    atRisk: jsonTotals(totals.atRisk),
  };
}

export function dashboardJson(db: Db, { user, params }: { user: SessionUser; params: DashboardParams }) {
  // One clock for totals and ticket ids, so a next action falling due between them moves neither.
  const instant = Date.now();
  const summary = summariseDashboard(db, user, params, translator(user.locale), instant);
  const leaves = params.groupBy.length > 0 ? leafTicketIds(db, user, params, instant) : new Map<string, number[]>();
  const toJson = (group: GroupNode, prefix: GroupId[]): JsonGroup => {
    const { key, id, label, groups } = group;
    const rest = { key, id, label, ...jsonPhasedTotals(group) };
    const path = [...prefix, group.id];
    return groups.length > 0
      ? { ...rest, groups: groups.map((child) => toJson(child, path)) }
      : { ...rest, ticketIds: leaves.get(pathKey(path)) ?? [] };
  };
  return { groupBy: summary.groupBy, total: jsonPhasedTotals(summary.total), groups: summary.groups.map((group) => toJson(group, [])) };
}
