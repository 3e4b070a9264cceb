import 'server-only';
// The forecast table (CRM data: `crm` users only): one aggregate query for the cells per (row
// group, column), and for a multi-valued row key (a ticket in several rows) a second for the columns,
// every ticket once; row, column and grand totals are added up from SQL's sums and rounded once each
// (tree.ts `totalsFrom`).
import type { Db } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { Translate } from '@/lib/i18n';
import { isMultiValued } from '../dashboard/dimensions';
import { valueContext } from '../dashboard/filter-sql';
import type { GroupKey } from '../dashboard/params';
import { levelLabels, runQuery } from '../dashboard/queries';
import { addSums, compareGroups, noSums, totalsFrom, type GroupId, type RawTotals, type Totals } from '../dashboard/tree';
import { forecastFilters, forecastMonths, type ForecastParams } from './params';
import { bucketOf, forecastCellsQuery, forecastColumnsQuery, LATER, NO_DATE, OVERDUE } from './sql';

/** A column: `overdue`, a month `YYYY-MM`, `later` or `none`. */
export type ForecastColumn = string;

export type ForecastRow = { id: GroupId; label: string; cells: Record<ForecastColumn, Totals>; total: Totals };

export type ForecastTable = {
  from: string;
  months: string[];
  row: GroupKey;
  /** Every column in order: overdue, the months, later, none. */
  columns: ForecastColumn[];
  rows: ForecastRow[];
  /** Per column, each ticket once (also when it stands in several rows). */
  columnTotals: Record<ForecastColumn, Totals>;
  total: Totals;
};

type BucketRow = RawTotals & { bucket: string };
type CellRow = BucketRow & { k0: bigint | string | null };

function groupId(value: bigint | string | null): GroupId {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** The columns of a forecast, in order. */
export function forecastColumns(months: readonly string[]): ForecastColumn[] {
  return [OVERDUE, ...months, LATER, NO_DATE];
}

/** The totals of an empty cell, shared (a row of partners has thousands of them). */
const EMPTY: Totals = Object.freeze(totalsFrom(noSums()));

/** Totals for every column, zero where no ticket is. */
function byColumn(columns: readonly ForecastColumn[], raws: Map<string, RawTotals>): Record<ForecastColumn, Totals> {
  return Object.fromEntries(
    columns.map((column) => {
      const raw = raws.get(column);
      return [column, raw ? totalsFrom(raw) : EMPTY];
    }),
  );
}

/** The sums per bucket and over all. */
function sumByBucket(rows: readonly BucketRow[]): { byBucket: Map<string, RawTotals>; total: RawTotals } {
  const byBucket = new Map<string, RawTotals>();
  const total = noSums();
  for (const row of rows) {
    const into = byBucket.get(row.bucket) ?? noSums();
    addSums(into, row);
    byBucket.set(row.bucket, into);
    addSums(total, row);
  }
  return { byBucket, total };
}

export function readForecast(db: Db, user: SessionUser, params: ForecastParams, t: Translate): ForecastTable {
  assertRole(user, 'crm');
  const months = forecastMonths(params);
  const columns = forecastColumns(months);
  const query = { params: forecastFilters(params), context: valueContext(db.$client) };
  const bucket = bucketOf(params.from, params.months);

  const cellRows = runQuery<CellRow>(db, forecastCellsQuery(query, params.row, bucket), true);
  const cells = new Map<GroupId, { id: GroupId; raws: Map<string, RawTotals>; total: RawTotals }>();
  for (const cell of cellRows) {
    const id = groupId(cell.k0);
    let row = cells.get(id);
    if (!row) cells.set(id, (row = { id, raws: new Map(), total: noSums() }));
    row.raws.set(cell.bucket, cell);
    addSums(row.total, cell);
  }
  // A single-valued row key puts each ticket in one row: its cells add up to the columns as they are.
  const columnRows = isMultiValued(params.row) ? runQuery<BucketRow>(db, forecastColumnsQuery(query, bucket), true) : cellRows;
  const { byBucket: columnRaws, total: grand } = sumByBucket(columnRows);

  const groups = [...cells.values()];
  const labels = levelLabels(
    db,
    params.row,
    groups.map((group) => group.id),
    t,
  );
  const rows = groups
    .sort((a, b) => compareGroups(labels, a.id, b.id))
    .map(({ id, raws, total }) => ({
      id,
      label: id === null ? labels.emptyLabel : labels.label(id),
      cells: byColumn(columns, raws),
      total: totalsFrom(total),
    }));
  return {
    from: params.from,
    months,
    row: params.row,
    columns,
    rows,
    columnTotals: byColumn(columns, columnRaws),
    total: totalsFrom(grand),
  };
}
