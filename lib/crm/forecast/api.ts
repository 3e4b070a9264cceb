// The forecast as JSON (SPEC section 15): the same table the page shows, each figure in the
// Totals shape of the summary API.
import { jsonTotals, type JsonTotals } from '../dashboard/api';
import type { GroupId, Totals } from '../dashboard/tree';
import type { ForecastTable } from './queries';

export type ForecastJson = {
  from: string;
  months: string[];
  row: string;
  rows: { id: GroupId; label: string; cells: Record<string, JsonTotals>; total: JsonTotals }[];
  columns: Record<string, JsonTotals>;
  total: JsonTotals;
};

function jsonCells(cells: Record<string, Totals>): Record<string, JsonTotals> {
  return Object.fromEntries(Object.entries(cells).map(([column, totals]) => [column, jsonTotals(totals)]));
}

export function forecastJson(table: ForecastTable): ForecastJson {
  return {
    from: table.from,
    months: table.months,
    row: table.row,
    rows: table.rows.map(({ id, label, cells, total }) => ({ id, label, cells: jsonCells(cells), total: jsonTotals(total) })),
    columns: jsonCells(table.columnTotals),
    total: jsonTotals(table.total),
  };
}
