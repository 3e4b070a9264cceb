// The board's column keys (SPEC section 16): which dashboard grouping key makes the columns.
import type { GroupKey } from '../dashboard/params';

export const BOARD_COLUMNS = ['crmStatus', 'assignee', 'closeMonth'] as const satisfies readonly GroupKey[];
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const DEFAULT_BOARD_COLUMN: BoardColumn = 'crmStatus';

/** At most this many cards per column; the rest are in the dashboard's list of that group. */
export const CARDS_PER_COLUMN = 50;

export function isBoardColumn(value: unknown): value is BoardColumn {
  return typeof value === 'string' && (BOARD_COLUMNS as readonly string[]).includes(value);
}

/** The `column` parameter: the key, or the default and the refused value to report. */
export function parseBoardColumn(value: string | string[] | undefined): { column: BoardColumn; invalid: string | null } {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === '') return { column: DEFAULT_BOARD_COLUMN, invalid: null };
  return isBoardColumn(raw) ? { column: raw, invalid: null } : { column: DEFAULT_BOARD_COLUMN, invalid: raw };
}
