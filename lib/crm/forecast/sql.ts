// The forecast in SQL (SPEC section 15): the view's open tickets (`ft`) in a bucket by their
// expected close — overdue, one of the months, later, none — summed per (row group, bucket) over
// the distinct (ticket, group) pairs, and over each ticket's first pair, so that the column totals
// count once a ticket that stands in several rows (products, campaigns). One aggregate query.
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

/** The sums over the first pair of each ticket only (`once_n`, …), named as `totalsFrom` reads them. */
const ONCE_AGGREGATES = sql`coalesce(sum(once), 0) as once_n,
  coalesce(sum(case when once then potential end), 0) as once_potential,
  coalesce(sum(case when once then potential * probability end), 0) as once_weighted,
  coalesce(sum(case when once then probability end), 0) as once_probability_sum,
  count(case when once then probability end) as once_probability_count,
  coalesce(sum(case when once then users end), 0) as once_users`;

/**
 * Sums per row group (`k0`) and bucket, and the same over each ticket's first (ticket, group) pair
 * only, which add up over the rows to each column's total with every ticket once.
 *
 * The window also keeps SQLite from flattening `ft` into this query: it then reads the tickets in
 * one pass in rowid order instead of looking each one up from an index (`expected_close` is in no
 * index with the other figures), about 40 % less time on the bench data set (bench/README.md).
 */
export function forecastCellsQuery(query: DashboardQuery, row: GroupKey, bucket: SQL): SQL {
  return sql`${withFilteredTickets(query, [row])}
    select k0, bucket, ${AGGREGATES}, ${ONCE_AGGREGATES}
    from (${pathPairs([row], sql`, ${FIGURES}, ${bucket} as bucket, row_number() over (partition by ft.id) = 1 as once`)})
    group by k0, bucket`;
}
