// SQL of the dashboard, composed from the dimension registry with bound values only.
// `ft` is the filtered set of CRM-enabled tickets with every column a dimension reads;
// multi-valued dimensions (products, campaigns) join a bridge of (ticket_id, value) pairs.
import type Database from 'better-sqlite3';
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { LOOKUP_LISTS, type LookupListKey } from '@/lib/lookups/lists';
import { DIMENSIONS } from '../dimensions';
import type { GroupStep } from './group-path';
import type { DashboardParams, GroupKey, IdChoice } from './params';

const LOOKUP_TABLE_NAMES = Object.fromEntries(
  Object.values(LOOKUP_LISTS).map((list) => [list.key, getTableName(list.table)]),
) as Record<LookupListKey, string>;

/** The expression behind each `ft` column, over tickets t, contacts c, partners p. */
const FT_COLUMNS = {
  crm_status: sql`t.crm_status_id`,
  partner: sql`coalesce(t.partner_id, c.partner_id)`,
  contact: sql`t.contact_id`,
  // Filled in per query from the current ranges (see companySizeExpression).
  company_size: sql`null`,
  revenue_group: sql`p.revenue_group_id`,
  company_group: sql`p.company_group_id`,
  partner_status: sql`p.crm_partner_status_id`,
  data_source: sql`p.data_source_id`,
  assignee: sql`t.assignee_id`,
  ticket_status: sql`t.status`,
} as const;
type FtColumn = keyof typeof FT_COLUMNS;

/** A company-size range, in admin order; the view reads them once per request. */
export type SizeRange = { id: number; min: number; max: number | null };

/** The company-size ranges in admin order, read on the given connection. */
export function sizeRanges(client: Database.Database): SizeRange[] {
  return client.prepare('select id, min_employees as min, max_employees as max from company_sizes order by position, id').all() as SizeRange[];
}

/**
 * What every dashboard query is built from: the view, the current company-size ranges and,
 * for the tickets of one group, that group's path (AND-ed with the view's filters).
 */
export type DashboardQuery = { params: DashboardParams; sizes: readonly SizeRange[]; group?: readonly GroupStep[] };

/**
 * Gruppierte Unternehmensgröße, derived at read time: a CASE over the current ranges (first
 * match in admin order), much cheaper per row than a correlated subquery.
 */
function companySizeExpression(sizes: readonly SizeRange[]): SQL {
  if (sizes.length === 0) return sql`null`;
  const branches = sizes.map((size) =>
    size.max === null
      ? sql`when p.employee_count >= ${size.min} then ${size.id}`
      : sql`when p.employee_count between ${size.min} and ${size.max} then ${size.id}`,
  );
  return sql`(case ${sql.join(branches, sql` `)} end)`;
}

function columnExpression(name: FtColumn, sizes: readonly SizeRange[]): SQL {
  return name === 'company_size' ? companySizeExpression(sizes) : FT_COLUMNS[name];
}

function isFtColumn(name: string): name is FtColumn {
  return Object.hasOwn(FT_COLUMNS, name);
}

function list(values: readonly (number | string)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

/** `expr in (…) or expr is null`, as the choice asks; undefined when nothing is chosen. */
function choiceCondition(expression: SQL, choice: IdChoice): SQL | undefined {
  const parts: SQL[] = [];
  if (choice.ids.length > 0) parts.push(sql`${expression} in (${list(choice.ids)})`);
  if (choice.none) parts.push(sql`${expression} is null`);
  return parts.length === 0 ? undefined : sql`(${sql.join(parts, sql` or `)})`;
}

function productCondition(choice: IdChoice): SQL | undefined {
  const parts: SQL[] = [];
  if (choice.ids.length > 0) parts.push(sql`exists (select 1 from ticket_products x where x.ticket_id = t.id and x.product_id in (${list(choice.ids)}))`);
  if (choice.none) parts.push(sql`not exists (select 1 from ticket_products x where x.ticket_id = t.id)`);
  return parts.length === 0 ? undefined : sql`(${sql.join(parts, sql` or `)})`;
}

/** A campaign matches when the ticket or its partner carries it. */
function campaignCondition(choice: IdChoice): SQL | undefined {
  const partner = FT_COLUMNS.partner;
  const parts: SQL[] = [];
  if (choice.ids.length > 0) {
    parts.push(sql`exists (select 1 from ticket_campaigns x where x.ticket_id = t.id and x.campaign_id in (${list(choice.ids)}))`);
    parts.push(sql`exists (select 1 from partner_campaigns y where y.partner_id = ${partner} and y.campaign_id in (${list(choice.ids)}))`);
  }
  if (choice.none) {
    parts.push(sql`(not exists (select 1 from ticket_campaigns x where x.ticket_id = t.id)
      and not exists (select 1 from partner_campaigns y where y.partner_id = ${partner}))`);
  }
  return parts.length === 0 ? undefined : sql`(${sql.join(parts, sql` or `)})`;
}

/** A ticket is in the group when it carries the group's value on every level (products and campaigns: one of its values). */
function groupConditions(steps: readonly GroupStep[], sizes: readonly SizeRange[]): (SQL | undefined)[] {
  return steps.map(({ key, id }) => {
    const value = DIMENSIONS[key].value;
    const choice: IdChoice = id === null ? { ids: [], none: true } : { ids: typeof id === 'number' ? [id] : [], none: false };
    if ('bridge' in value) return value.bridge === 'products' ? productCondition(choice) : campaignCondition(choice);
    if (!isFtColumn(value.column)) throw new Error(`unknown column ${value.column}`);
    const expression = columnExpression(value.column, sizes);
    return typeof id === 'string' ? sql`${expression} = ${id}` : choiceCondition(expression, choice);
  });
}

function filterConditions({ params, sizes, group = [] }: DashboardQuery): SQL[] {
  const conditions: (SQL | undefined)[] = [sql`t.crm_enabled = 1`];
  for (const dim of Object.values(DIMENSIONS)) {
    if (!dim.filter) continue;
    const choice = params.filters[dim.filter];
    if ('bridge' in dim.value) conditions.push(dim.value.bridge === 'products' ? productCondition(choice) : campaignCondition(choice));
    else if (isFtColumn(dim.value.column)) conditions.push(choiceCondition(columnExpression(dim.value.column, sizes), choice));
  }
  for (const key of ['partnerStatus', 'dataSource'] as const) {
    const column = DIMENSIONS[key].value;
    if ('column' in column && isFtColumn(column.column)) conditions.push(choiceCondition(columnExpression(column.column, sizes), params.filters[key]));
  }
  if (params.ticketStatus.length > 0) conditions.push(sql`t.status in (${list(params.ticketStatus)})`);
  if (params.usersFrom !== null) conditions.push(sql`t.expected_users >= ${params.usersFrom}`);
  if (params.usersTo !== null) conditions.push(sql`t.expected_users <= ${params.usersTo}`);
  conditions.push(...groupConditions(group, sizes));
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** The CTEs every dashboard query starts with: `ft`, and the campaign bridge when it is needed. */
export function withFilteredTickets(query: DashboardQuery, levels: readonly GroupKey[] = [], onlyIds?: readonly number[]): SQL {
  const columns = sql.join(
    (Object.keys(FT_COLUMNS) as FtColumn[]).map((name) => sql`${columnExpression(name, query.sizes)} as ${sql.raw(name)}`),
    sql`, `,
  );
  const ft = sql`ft as (
    select t.id as id, ${columns},
      t.potential_cents as potential, t.probability as probability, t.expected_users as users
    from tickets t
    left join contacts c on c.id = t.contact_id
    left join partners p on p.id = coalesce(t.partner_id, c.partner_id)
    where ${sql.join([...filterConditions(query), ...(onlyIds ? [sql`t.id in (${list(onlyIds)})`] : [])], sql` and `)})`;
  if (!levels.includes('campaign')) return sql`with ${ft}`;
  return sql`with ${ft}, campaign_bridge as (
    select x.ticket_id as ticket_id, x.campaign_id as value from ticket_campaigns x join ft on ft.id = x.ticket_id
    union
    select ft.id, y.campaign_id from ft join partner_campaigns y on y.partner_id = ft.partner)`;
}

/** The key of a grouping level inside `from ft …`, and the join it needs. */
function levelKey(key: GroupKey, index: number): { expression: SQL; join?: SQL } {
  const value = DIMENSIONS[key].value;
  const alias = sql.raw(`b${index}`);
  if ('bridge' in value) {
    return value.bridge === 'products'
      ? { expression: sql`${alias}.product_id`, join: sql`left join ticket_products ${alias} on ${alias}.ticket_id = ft.id` }
      : { expression: sql`${alias}.value`, join: sql`left join campaign_bridge ${alias} on ${alias}.ticket_id = ft.id` };
  }
  if (!isFtColumn(value.column)) throw new Error(`unknown column ${value.column}`);
  return { expression: sql`ft.${sql.raw(value.column)}` };
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

export const AGGREGATES = sql`count(*) as n,
  coalesce(sum(potential), 0) as potential,
  coalesce(sum(potential * probability), 0) as weighted,
  coalesce(sum(probability), 0) as probability_sum,
  count(probability) as probability_count,
  coalesce(sum(users), 0) as users`;

/** Totals per group of the first `depth` levels. */
export function levelTotalsQuery(query: DashboardQuery, depth: number): SQL {
  const levels = query.params.groupBy.slice(0, depth);
  const keyList = sql.raw(levels.map((_, index) => `k${index}`).join(', '));
  return sql`${withFilteredTickets(query, levels)}
    select ${keyList}, ${AGGREGATES}
    from (${pathPairs(levels, sql`, ft.potential as potential, ft.probability as probability, ft.users as users`)})
    group by ${keyList}`;
}

export function grandTotalQuery(query: DashboardQuery): SQL {
  return sql`${withFilteredTickets(query)} select ${AGGREGATES} from ft`;
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

/**
 * A level's label (names joined for multi-valued levels) and its sort keys, for the export: the
 * same order as the page's tree (lookups by admin position, names by German sort key, ties by id).
 */
function exportLevel(key: GroupKey): { label: SQL; order: SQL[] } {
  const dim = DIMENSIONS[key];
  const source = dim.source;
  if ('bridge' in dim.value) {
    // Straight to the bridge tables by their primary keys: cheaper per row than the CTE.
    const values =
      dim.value.bridge === 'products'
        ? sql`select x.product_id from ticket_products x where x.ticket_id = ft.id`
        : sql`select x.campaign_id from ticket_campaigns x where x.ticket_id = ft.id
              union select y.campaign_id from partner_campaigns y where y.partner_id = ft.partner`;
    const table = sql.raw(dim.value.bridge);
    const positions =
      dim.value.bridge === 'products'
        ? sql`select e.position as p from ticket_products x join products e on e.id = x.product_id where x.ticket_id = ft.id`
        : sql`select e.position as p from ticket_campaigns x join campaigns e on e.id = x.campaign_id where x.ticket_id = ft.id
              union all select e.position from partner_campaigns y join campaigns e on e.id = y.campaign_id where y.partner_id = ft.partner`;
    return {
      label: sql`(select group_concat(name, ', ') from (select e.name as name from ${table} e where e.id in (${values}) order by e.position, e.id))`,
      // A join per row, not `in (…)`: measured at less than half the time on 50,000 tickets.
      order: [sql`(select min(p) from (${positions}))`],
    };
  }
  const column = sql`ft.${sql.raw(dim.value.column)}`;
  switch (source.kind) {
    case 'lookup': {
      const table = sql.raw(LOOKUP_TABLE_NAMES[source.list]);
      return { label: sql`(select e.name from ${table} e where e.id = ${column})`, order: [sql`(select e.position from ${table} e where e.id = ${column})`, column] };
    }
    case 'partner':
      return { label: sql`(select e.name from partners e where e.id = ${column})`, order: [sql`(select coalesce(e.sort_name, '') from partners e where e.id = ${column})`, column] };
    case 'user':
      return { label: sql`(select e.name from users e where e.id = ${column})`, order: [sql`(select coalesce(e.sort_name, '') from users e where e.id = ${column})`, column] };
    case 'contact':
      return { label: sql`(select trim(e.first_name || ' ' || e.last_name) from contacts e where e.id = ${column})`, order: [sql`(select coalesce(e.sort_name, '') from contacts e where e.id = ${column})`, column] };
    case 'ticketStatus':
      return { label: column, order: [sql`case ${column} when 'open' then 0 when 'in_progress' then 1 when 'parked' then 2 else 3 end`] };
  }
}

/**
 * The view's tickets in its group order: ids only, so the sort that must finish before the first
 * row is as light as it can be; exportRowsQuery then reads the columns batch by batch.
 */
export function exportOrderQuery(query: DashboardQuery): SQL {
  const names = query.params.groupBy.flatMap((key, index) => exportLevel(key).order.map((order, part) => ({ order, name: `o${index}_${part}` })));
  const keys = names.map(({ order, name }) => sql`${order} as ${sql.raw(name)}`);
  // The empty group last: its first key is null.
  const orders = names.map(({ name }) => sql.raw(`${name.replace(/_\d+$/, '_0')} is null, ${name}`));
  return sql`${withFilteredTickets(query, query.params.groupBy)}
    select ft.id as id${keys.length > 0 ? sql`, ${sql.join(keys, sql`, `)}` : sql``} from ft
    order by ${orders.length > 0 ? sql`${sql.join(orders, sql`, `)}, ` : sql``}ft.potential is null, ft.potential desc, ft.id desc`;
}

/** The export columns of some tickets of the view: one label column per level, then the ticket's. */
export function exportRowsQuery(query: DashboardQuery, ids: readonly number[]): SQL {
  const labels = query.params.groupBy.map((key, index) => sql`${exportLevel(key).label} as ${sql.raw(`level${index}`)}`);
  return sql`${withFilteredTickets(query, query.params.groupBy, ids)}
    select ft.id as id${labels.length > 0 ? sql`, ${sql.join(labels, sql`, `)}` : sql``},
      t.number as number, t.title as title, t.status as ticket_status,
      (select e.name from partners e where e.id = ft.partner) as partner,
      (select trim(e.first_name || ' ' || e.last_name) from contacts e where e.id = ft.contact) as contact,
      (select e.name from crm_ticket_statuses e where e.id = ft.crm_status) as crm_status,
      t.probability as probability, t.potential_cents as potential, t.expected_users as users,
      (select e.name from users e where e.id = ft.assignee) as assignee,
      (select group_concat(name, ', ') from (select e.name as name from products e join ticket_products x on x.product_id = e.id where x.ticket_id = ft.id order by e.position, e.id)) as products,
      (select group_concat(name, ', ') from (select e.name as name from campaigns e join ticket_campaigns x on x.campaign_id = e.id where x.ticket_id = ft.id order by e.position, e.id)) as campaigns,
      t.crm_activated_at as activated_at, t.created_at as created_at
    from ft join tickets t on t.id = ft.id`;
}
