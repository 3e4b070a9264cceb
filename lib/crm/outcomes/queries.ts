import 'server-only';
// Reads of /crm/outcomes (CRM data: `crm` users only): the calibration of Abschlusschance over the
// view's won and lost tickets, and each ticket's chance at entry.
import type { Db } from '@/db/client';
import type { Phase } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { valueContext, type DashboardQuery } from '../dashboard/filter-sql';
import type { DashboardParams } from '../dashboard/params';
import { runQuery } from '../dashboard/queries';
import { calibrationFrom, type Calibration } from './calibration';
import { chanceCountsQuery, ticketChancesQuery } from './chance-sql';
import { closedPhasesOf } from './params';

/** The view narrowed to won and lost; null when its phase filter leaves neither. */
function closedQuery(db: Db, params: DashboardParams): DashboardQuery | null {
  const phase = closedPhasesOf(params);
  return phase.length === 0 ? null : { params: { ...params, phase, groupBy: [] }, context: valueContext(db.$client) };
}

export function readCalibration(db: Db, user: SessionUser, params: DashboardParams): Calibration {
  assertRole(user, 'crm');
  const query = closedQuery(db, params);
  const rows = query ? runQuery<{ chance: number | null; n: number; won: number }>(db, chanceCountsQuery(query)) : [];
  return calibrationFrom(rows);
}

export type ChanceAtEntry = { id: number; phase: Exclude<Phase, 'open'>; chance: number | null };

/** The chance each won or lost ticket of the view had when it entered its status, by ticket id. */
export function readChancesAtEntry(db: Db, user: SessionUser, params: DashboardParams): ChanceAtEntry[] {
  assertRole(user, 'crm');
  const query = closedQuery(db, params);
  return query ? runQuery<ChanceAtEntry>(db, ticketChancesQuery(query)) : [];
}
