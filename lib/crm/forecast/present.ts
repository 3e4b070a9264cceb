// The forecast's headings and figures as the words a reader sees, formatted on the server in the
// user's language: the table component receives plain strings.
import type { Formatter, Translate } from '@/lib/i18n';
import { monthLabel } from '../dashboard/key-labels';
import type { Totals } from '../dashboard/tree';
import { addMonths } from './params';
import type { ForecastColumn, ForecastTable } from './queries';
import { LATER, NO_DATE, OVERDUE } from './sql';

/** A column heading, and what it covers where the heading alone does not say it. */
export type ColumnHeading = { key: ForecastColumn; label: string; hint?: string };

/** A cell's three figures: count, Σ Umsatzpotenzial, Σ gewichtet; null for an empty cell. */
export type CellFigures = [count: string, potential: string, weighted: string] | null;

export type PresentedRow = { label: string; cells: CellFigures[]; total: CellFigures };

export type PresentedForecast = {
  columns: ColumnHeading[];
  rows: PresentedRow[];
  /** Rows beyond the page's limit, left out (the totals still count them). */
  hiddenRows: number;
  totals: { cells: CellFigures[]; total: CellFigures };
};

/**
 * Rows a page shows at most: with 24 months a row is up to about 7 KB of HTML and payload, and a
 * forecast page stays under the 300 KB of SPEC section 19 whatever the row key (thousands of
 * partners); the JSON and the CSV have every row.
 */
export const MAX_RENDERED_ROWS = 40;

/** The label of a column: "Überfällig", "Dezember 2026", "Später", "Ohne Datum". */
export function columnLabel(column: ForecastColumn, t: Translate): string {
  if (column === OVERDUE) return t('forecast.overdue');
  if (column === LATER) return t('forecast.later');
  if (column === NO_DATE) return t('forecast.none');
  return monthLabel(column, t);
}

export function columnHeadings(table: Pick<ForecastTable, 'columns' | 'from' | 'months'>, t: Translate): ColumnHeading[] {
  const last = table.months.at(-1) ?? addMonths(table.from, -1);
  return table.columns.map((key) => ({
    key,
    label: columnLabel(key, t),
    ...(key === OVERDUE ? { hint: t('forecast.before', { month: monthLabel(table.from, t) }) } : {}),
    ...(key === LATER ? { hint: t('forecast.after', { month: monthLabel(last, t) }) } : {}),
  }));
}

export function cellFigures(totals: Totals, format: Formatter): CellFigures {
  if (totals.count === 0) return null;
  return [format.integer(totals.count), format.money(totals.sumPotentialCents), format.money(totals.sumWeightedCents)];
}

export function presentForecast(table: ForecastTable, t: Translate, format: Formatter, maxRows = MAX_RENDERED_ROWS): PresentedForecast {
  const cells = (byColumn: Record<ForecastColumn, Totals>) => table.columns.map((column) => cellFigures(byColumn[column], format));
  return {
    columns: columnHeadings(table, t),
    rows: table.rows.slice(0, maxRows).map((row) => ({ label: row.label, cells: cells(row.cells), total: cellFigures(row.total, format) })),
    hiddenRows: Math.max(0, table.rows.length - maxRows),
    totals: { cells: cells(table.columnTotals), total: cellFigures(table.total, format) },
  };
}
