import 'server-only';
// Win rates per group of one key (CRM data: `crm` users only), from the dashboard's own totals: the
// view narrowed to won and lost, grouped by the row key alone. So the rows follow the dashboard's
// group order (empty group last), and a ticket with several products or campaigns counts in each
// of its groups but once in the total, exactly as on the dashboard.
import type { Db } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { Translate } from '@/lib/i18n';
import type { DashboardParams, GroupKey } from '../dashboard/params';
import { summariseDashboard } from '../dashboard/queries';
import type { GroupId } from '../dashboard/tree';
import { closedPhasesOf } from './params';
import { NO_OUTCOME, outcomeOf, type Outcome } from './rates';

export type WinRateRow = Outcome & { id: GroupId; label: string };
export type WinRates = { row: GroupKey; total: Outcome; rows: WinRateRow[] };

export function readWinRates(db: Db, user: SessionUser, params: DashboardParams, row: GroupKey, t: Translate): WinRates {
  assertRole(user, 'crm');
  const phase = closedPhasesOf(params);
  if (phase.length === 0) return { row, total: NO_OUTCOME, rows: [] };
  const summary = summariseDashboard(db, user, { ...params, phase, groupBy: [row] }, t);
  return {
    row,
    total: outcomeOf(summary.total),
    rows: summary.groups.map((group) => ({ id: group.id, label: group.label, ...outcomeOf(group) })),
  };
}
