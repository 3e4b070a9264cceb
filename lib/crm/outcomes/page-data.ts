import 'server-only';
// Everything /crm/outcomes shows, read in one snapshot: the win rates of the row key's groups (at
// most MAX_ROWS of them, as the dashboard caps its groups) and the calibration.
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { translator } from '@/lib/i18n';
import type { DashboardParams, GroupKey } from '../dashboard/params';
import type { Calibration } from './calibration';
import { readCalibration } from './queries';
import { readWinRates, type WinRates } from './win-rates';

/** The page never lists more groups than the dashboard (SPEC section 13). */
export const MAX_ROWS = 500;

export type OutcomesPageData = { winRates: WinRates; hiddenRows: number; calibration: Calibration };

export function readOutcomesPage(
  db: Db,
  { user, params, row }: { user: SessionUser; params: DashboardParams; row: GroupKey },
): OutcomesPageData {
  const winRates = readWinRates(db, user, params, row, translator(user.locale));
  return {
    winRates: { ...winRates, rows: winRates.rows.slice(0, MAX_ROWS) },
    hiddenRows: Math.max(0, winRates.rows.length - MAX_ROWS),
    calibration: readCalibration(db, user, params),
  };
}
