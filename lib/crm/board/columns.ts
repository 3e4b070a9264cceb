// The board's column keys (SPEC section 16): which dashboard grouping key makes the columns.
import type { GroupKey } from '../dashboard/params';

export const BOARD_COLUMNS = ['crmStatus', 'assignee', 'closeMonth'] as const satisfies readonly GroupKey[];
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const DEFAULT_BOARD_COLUMN: BoardColumn = 'crmStatus';

/** At most this many cards per column; the rest are in the dashboard's list of that group. */
export const CARDS_PER_COLUMN = 50;

/**
 * How many "Verschieben nach" choices a board carries at most: every card offers every other column,
 * so a board's bytes grow with cards × columns. Seven columns keep 35 cards each, eight 27, twenty 5
 * (the page stays under 300 KB with each card's follow-up badges, about 120 bytes; measured 311 KB
 * at 2,000 choices on the bench data set; the rest of each column is one link away).
 */
const MOVE_CHOICES = 1_750;
const MIN_CARDS = 5;

/** The cards shown per column on a board of `columns` columns. */
export function cardsPerColumn(columns: number): number {
  return Math.min(CARDS_PER_COLUMN, Math.max(MIN_CARDS, Math.floor(MOVE_CHOICES / Math.max(1, columns * columns))));
}

export function isBoardColumn(value: unknown): value is BoardColumn {
  return typeof value === 'string' && (BOARD_COLUMNS as readonly string[]).includes(value);
}

/** The `column` parameter: the key, or the default and the refused value to report. */
export function parseBoardColumn(value: string | string[] | undefined): { column: BoardColumn; invalid: string | null } {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw === '') return { column: DEFAULT_BOARD_COLUMN, invalid: null };
  return isBoardColumn(raw) ? { column: raw, invalid: null } : { column: DEFAULT_BOARD_COLUMN, invalid: raw };
}
