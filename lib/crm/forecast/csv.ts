// The forecast as CSV rows (SPEC section 15): one row per row group and a totals row; per column
// (Überfällig, the months, Später, Ohne Datum, Gesamt) its count, Σ Umsatzpotenzial and Σ gewichtet.
import type { CsvColumn } from '@/lib/csv/columns';
import type { Translate } from '@/lib/i18n';
import { DIMENSIONS } from '../dashboard/dimensions';
import type { Totals } from '../dashboard/tree';
import { columnLabel } from './present';
import type { ForecastTable } from './queries';

const FIGURES = [
  { word: 'forecast.count', type: 'integer', value: (totals: Totals) => totals.count },
  { word: 'forecast.sumPotential', type: 'money', value: (totals: Totals) => totals.sumPotentialCents },
  { word: 'forecast.sumWeighted', type: 'money', value: (totals: Totals) => totals.sumWeightedCents },
] as const;

export function forecastCsvColumns(table: ForecastTable, t: Translate): CsvColumn[] {
  const groups = [...table.columns.map((column) => columnLabel(column, t)), t('forecast.total')];
  return [
    { header: t(DIMENSIONS[table.row].label), type: 'text' },
    ...groups.flatMap((column) =>
      FIGURES.map((figure): CsvColumn => ({ header: t('forecast.csvColumn', { column, figure: t(figure.word) }), type: figure.type })),
    ),
  ];
}

/** The rows' raw values in column order: the groups, then the totals. */
export function forecastCsvRows(table: ForecastTable, t: Translate): unknown[][] {
  const line = (label: string, cells: Record<string, Totals>, total: Totals) => [
    label,
    ...[...table.columns.map((column) => cells[column]), total].flatMap((totals) => FIGURES.map((figure) => figure.value(totals))),
  ];
  return [...table.rows.map((row) => line(row.label, row.cells, row.total)), line(t('forecast.total'), table.columnTotals, table.total)];
}
