// The group levels and figures of a dashboard view in SQL: per level the distinct (ticket, group
// path) pairs of `ft`, their totals, the grand total, the tickets under the leaves.
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { ticketProducts } from '@/db/schema';
import { DIMENSIONS } from './dimensions';
import { ftColumn, withFilteredTickets, type DashboardQuery } from './filter-sql';
import type { GroupKey } from './params';

/** The key of a grouping level inside `from ft …`, and the join it needs. */
function levelKey(key: GroupKey, index: number): { expression: SQL; join?: SQL } {
  const value = DIMENSIONS[key].value;
  if (!('bridge' in value)) return { expression: ftColumn(key) };
  if (value.bridge === 'products') {
    const name = `b${index}`;
    const bridge = alias(ticketProducts, name);
    return {
      expression: sql`${bridge.productId}`,
      join: sql`left join ${ticketProducts} ${sql.identifier(name)} on ${bridge.ticketId} = ft.id`,
    };
  }
  // campaign_bridge is a CTE of withFilteredTickets (ticket or partner campaigns).
  const bridge = sql.raw(`b${index}`);
  return { expression: sql`${bridge}.value`, join: sql`left join campaign_bridge ${bridge} on ${bridge}.ticket_id = ft.id` };
}

/**
 * The distinct (ticket, group path) pairs of the first `levels.length` levels: a ticket with two
 * products is in both product groups, but once per group, so every sum counts it once per group.
 * The pairs are distinct by construction (one row per ticket in `ft`, bridge rows unique by
 * primary key or UNION), so no DISTINCT is needed.
 */
export function pathPairs(levels: readonly GroupKey[], extra: SQL = sql``): SQL {
  const keys = levels.map((key, index) => levelKey(key, index));
  const selected = keys.map((key, index) => sql`${key.expression} as ${sql.raw(`k${index}`)}`);
  const joins = keys.flatMap((key) => (key.join ? [key.join] : []));
  return sql`select ft.id as id${selected.length > 0 ? sql`, ${sql.join(selected, sql`, `)}` : sql``}${extra}
    from ft ${sql.join(joins, sql` `)}`;
}

/** The sums of RawTotals over rows with `potential`, `probability` and `users`. */
export const AGGREGATES = sql`count(*) as n,
  coalesce(sum(potential), 0) as potential,
  coalesce(sum(potential * probability), 0) as weighted,
  coalesce(sum(probability), 0) as probability_sum,
  count(probability) as probability_count,
  coalesce(sum(users), 0) as users`;

/**
 * Totals per group of the first `depth` levels, phase and at-risk flag (SPEC section 17): a row per
 * phase (and, in the open phase, at-risk or not) a group holds; its totals are their sum. Grouping
 * by the phase measured faster than summing each phase apart in one row.
 */
export function levelTotalsQuery(query: DashboardQuery, depth: number): SQL {
  const levels = query.params.groupBy.slice(0, depth);
  const keyList = sql.raw(levels.map((_, index) => `k${index}`).join(', '));
  return sql`${withFilteredTickets(query, levels)}
    select ${keyList}, phase, at_risk, ${AGGREGATES}
    from (${pathPairs(levels, sql`, ft.potential as potential, ft.probability as probability, ft.users as users, ft.phase as phase, ft.at_risk as at_risk`)})
    group by ${keyList}, phase, at_risk`;
}

/** The view's totals, a row per phase (and at-risk flag) that holds tickets. */
export function grandTotalQuery(query: DashboardQuery): SQL {
  return sql`${withFilteredTickets(query)} select ft.phase as phase, ft.at_risk as at_risk, ${AGGREGATES} from ft group by ft.phase, ft.at_risk`;
}

/** Up to `limit` ticket ids per leaf group (highest potential first), with their group path. */
export function leafTicketsQuery(query: DashboardQuery, limit: number): SQL {
  const levels = query.params.groupBy;
  const keyList = sql.raw(levels.map((_, index) => `k${index}`).join(', '));
  const partition = levels.length > 0 ? sql`partition by ${keyList}` : sql``;
  return sql`${withFilteredTickets(query, levels)}
    select * from (
      select pairs.*, row_number() over (${partition} order by pairs.potential is null, pairs.potential desc, pairs.id desc) as rank
      from (${pathPairs(levels, sql`, ft.potential as potential`)}) pairs)
    where rank <= ${limit}`;
}

/** Every (ticket, leaf path) pair, for the API's uncapped `ticketIds`. */
export function allLeafPairsQuery(query: DashboardQuery): SQL {
  return sql`${withFilteredTickets(query, query.params.groupBy)} ${pathPairs(query.params.groupBy)} order by id`;
}

/** One page of the ungrouped list, highest potential first. */
export function listPageQuery(query: DashboardQuery, limit: number, offset: number): SQL {
  return sql`${withFilteredTickets(query)} select ft.id as id from ft
    order by ft.potential is null, ft.potential desc, ft.id desc limit ${limit} offset ${offset}`;
}
