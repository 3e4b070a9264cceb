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

/**
 * The rows a page lists: about 800 bytes each (HTML and payload), so 250 keep it under the 300 KB of
 * SPEC 19 (500 partners came to 410 KB on the bench data set); the page says how many more there are.
 */
export const MAX_ROWS = 250;

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
