// The forecast in SQL (SPEC section 15): the view's open tickets (`ft`) in a bucket by their
// expected close — overdue, one of the months, later, none — summed per (row group, bucket) over
// the distinct (ticket, group) pairs; for a products or campaigns row, where a ticket can stand in
// several rows, a second query sums per bucket over the tickets alone for the column totals.
import { sql, type SQL } from 'drizzle-orm';
import { withFilteredTickets, type DashboardQuery } from '../dashboard/filter-sql';
import { AGGREGATES, pathPairs } from '../dashboard/level-sql';
import type { GroupKey } from '../dashboard/params';
import { addMonths } from './params';

/** The columns besides the months. */
export const OVERDUE = 'overdue';
export const LATER = 'later';
export const NO_DATE = 'none';

/** The column of a ticket, from `ft.expected_close` (`YYYY-MM-DD`, compared as text). */
export function bucketOf(from: string, months: number): SQL {
  const first = `${from}-01`;
  const after = `${addMonths(from, months)}-01`;
  return sql`case when ft.expected_close is null then ${NO_DATE}
    when ft.expected_close < ${first} then ${OVERDUE}
    when ft.expected_close >= ${after} then ${LATER}
    else substr(ft.expected_close, 1, 7) end`;
}

const FIGURES = sql`ft.potential as potential, ft.probability as probability, ft.users as users`;

/** Sums per row group (`k0`) and bucket, over the distinct (ticket, group) pairs. */
export function forecastCellsQuery(query: DashboardQuery, row: GroupKey, bucket: SQL): SQL {
  return sql`${withFilteredTickets(query, [row])}
    select k0, bucket, ${AGGREGATES}
    from (${pathPairs([row], sql`, ${FIGURES}, ${bucket} as bucket`)})
    group by k0, bucket`;
}

/** Sums per bucket, each ticket once: the column totals where a ticket can stand in several rows. */
export function forecastColumnsQuery(query: DashboardQuery, bucket: SQL): SQL {
  return sql`${withFilteredTickets(query)}
    select bucket, ${AGGREGATES}
    from (select ${FIGURES}, ${bucket} as bucket from ft)
    group by bucket`;
}
