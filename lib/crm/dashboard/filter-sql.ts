// The filtered set of a dashboard view, `ft`, that every dashboard query starts from: one row per
// CRM-enabled ticket that matches the view, with one column per dashboard property (named by its
// key) and the summed figures. Composed from the property registry with bound values only.
import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import {
  companySizes,
  contacts,
  crmTicketStatuses,
  partnerCampaigns,
  partners,
  ticketCampaigns,
  ticketProducts,
  tickets,
} from '@/db/schema';
import { ticketPartnerId } from '@/lib/parties/names';
import { atRiskCase, CLOSE_SLIPPED, nextActionStateCase, staleCase } from '../property-sql';
import { followupClock, staleCutoff, type FollowupClock } from '../followups/clock';
import type { SizeRange, StaleRule, StatusPhases, ValueContext } from '../properties';
import { DIMENSION_KEYS, DIMENSIONS, ID_FILTERS, type DimensionKey } from './dimensions';
import type { GroupStep } from './group-path';
import type { DashboardParams, GroupKey, IdChoice } from './params';

export type { SizeRange, ValueContext };

const dialect = new SQLiteSyncDialect();

/** The company-size ranges in admin order, read on the given connection. */
export function sizeRanges(client: Database.Database): SizeRange[] {
  const query = dialect.sqlToQuery(
    sql`select ${companySizes.id} as id, ${companySizes.minEmployees} as min, ${companySizes.maxEmployees} as max from ${companySizes} order by ${companySizes.position}, ${companySizes.id}`,
  );
  return client.prepare(query.sql).all(...query.params) as SizeRange[];
}

/** The CRM statuses of the closed phases, read on the given connection. */
export function statusPhases(client: Database.Database): StatusPhases {
  const query = dialect.sqlToQuery(
    sql`select ${crmTicketStatuses.id} as id, ${crmTicketStatuses.phase} as phase from ${crmTicketStatuses} where ${crmTicketStatuses.phase} <> 'open' order by ${crmTicketStatuses.id}`,
  );
  const rows = client.prepare(query.sql).all(...query.params) as { id: number; phase: 'won' | 'lost' }[];
  return {
    won: rows.filter((row) => row.phase === 'won').map((row) => row.id),
    lost: rows.filter((row) => row.phase === 'lost').map((row) => row.id),
  };
}

/** The stale rules of the open statuses that set one, at the clock. */
export function staleRules(client: Database.Database, clock: FollowupClock): StaleRule[] {
  const query = dialect.sqlToQuery(
    sql`select ${crmTicketStatuses.id} as id, ${crmTicketStatuses.staleAfterDays} as days from ${crmTicketStatuses}
      where ${crmTicketStatuses.phase} = 'open' and ${crmTicketStatuses.staleAfterDays} is not null order by ${crmTicketStatuses.id}`,
  );
  const rows = client.prepare(query.sql).all(...query.params) as { id: number; days: number }[];
  return rows.map((row) => ({ ...row, cutoff: staleCutoff(row.days, clock) }));
}

/** What derived values need, read once per request on the given connection, at `instant` (now). */
export function valueContext(client: Database.Database, instant: Date | number = Date.now()): ValueContext {
  const clock = followupClock(instant);
  return { sizes: sizeRanges(client), phases: statusPhases(client), clock, stale: staleRules(client, clock) };
}

/**
 * What every dashboard query is built from: the view, the context of its derived values and,
 * for the tickets of one group, that group's path (AND-ed with the view's filters).
 */
export type DashboardQuery = { params: DashboardParams; context: ValueContext; group?: readonly GroupStep[] };

/** The properties that are one value per ticket: the columns of `ft`. */
const FT_KEYS = DIMENSION_KEYS.filter((key) => 'expression' in DIMENSIONS[key].value);

/** A property's value per ticket, over tickets, contacts and partners; null for a multi-valued one. */
function valueOf(key: DimensionKey, context: ValueContext): SQL | null {
  const value = DIMENSIONS[key].value;
  return 'expression' in value ? value.expression(context) : null;
}

/** A column of `ft` by property key (keys come from the registry, never from the request). */
export function ftColumn(key: DimensionKey): SQL {
  return sql.raw(`ft.${key}`);
}

export function list(values: readonly (number | string)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

function either(parts: SQL[]): SQL | undefined {
  return parts.length === 0 ? undefined : sql`(${sql.join(parts, sql` or `)})`;
}

/** `expr in (…) or expr is null`, as the choice asks; undefined when nothing is chosen. */
function choiceCondition(expression: SQL, choice: IdChoice): SQL | undefined {
  const parts: SQL[] = [];
  if (choice.ids.length > 0) parts.push(sql`${expression} in (${list(choice.ids)})`);
  if (choice.none) parts.push(sql`${expression} is null`);
  return either(parts);
}

function productCondition(choice: IdChoice): SQL | undefined {
  const ofTicket = sql`select 1 from ${ticketProducts} where ${ticketProducts.ticketId} = ${tickets.id}`;
  const parts: SQL[] = [];
  if (choice.ids.length > 0) parts.push(sql`exists (${ofTicket} and ${ticketProducts.productId} in (${list(choice.ids)}))`);
  if (choice.none) parts.push(sql`not exists (${ofTicket})`);
  return either(parts);
}

/** A campaign matches when the ticket or its partner carries it. */
function campaignCondition(choice: IdChoice): SQL | undefined {
  const ofTicket = sql`select 1 from ${ticketCampaigns} where ${ticketCampaigns.ticketId} = ${tickets.id}`;
  const ofPartner = sql`select 1 from ${partnerCampaigns} where ${partnerCampaigns.partnerId} = ${ticketPartnerId}`;
  const parts: SQL[] = [];
  if (choice.ids.length > 0) {
    parts.push(sql`exists (${ofTicket} and ${ticketCampaigns.campaignId} in (${list(choice.ids)}))`);
    parts.push(sql`exists (${ofPartner} and ${partnerCampaigns.campaignId} in (${list(choice.ids)}))`);
  }
  if (choice.none) parts.push(sql`(not exists (${ofTicket}) and not exists (${ofPartner}))`);
  return either(parts);
}

function propertyCondition(key: DimensionKey, choice: IdChoice, context: ValueContext): SQL | undefined {
  const value = DIMENSIONS[key].value;
  if ('bridge' in value) return value.bridge === 'products' ? productCondition(choice) : campaignCondition(choice);
  return choiceCondition(value.expression(context), choice);
}

/** A ticket is in the group when it carries the group's value on every level (products and campaigns: one of its values). */
function groupConditions(steps: readonly GroupStep[], context: ValueContext): (SQL | undefined)[] {
  return steps.map(({ key, id }) => {
    if (typeof id === 'string') return sql`${valueOf(key, context) ?? sql`null`} = ${id}`;
    return propertyCondition(key, id === null ? { ids: [], none: true } : { ids: [id], none: false }, context);
  });
}

function filterConditions({ params, context, group = [] }: DashboardQuery): SQL[] {
  // A literal 1, as in the partial index tickets_crm_dashboard, so the planner can use it.
  const conditions: (SQL | undefined)[] = [sql`${tickets.crmEnabled} = 1`];
  for (const key of ID_FILTERS) conditions.push(propertyCondition(key, params.filters[key], context));
  if (params.ticketStatus.length > 0) conditions.push(sql`${tickets.status} in (${list(params.ticketStatus)})`);
  if (params.phase.length > 0) conditions.push(sql`${valueOf('phase', context)} in (${list(params.phase)})`);
  // A ticket without an expected close never matches a set bound (SPEC section 14).
  if (params.closeFrom !== null) conditions.push(sql`${tickets.expectedClose} >= ${params.closeFrom}`);
  if (params.closeTo !== null) conditions.push(sql`${tickets.expectedClose} <= ${params.closeTo}`);
  if (params.slipped) conditions.push(CLOSE_SLIPPED);
  if (params.nextAction.length > 0) conditions.push(sql`${nextActionStateCase(context)} in (${list(params.nextAction)})`);
  if (params.stale) conditions.push(sql`${staleCase(context)} = 1`);
  if (params.usersFrom !== null) conditions.push(sql`${tickets.expectedUsers} >= ${params.usersFrom}`);
  if (params.usersTo !== null) conditions.push(sql`${tickets.expectedUsers} <= ${params.usersTo}`);
  conditions.push(...groupConditions(group, context));
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** The CTEs every dashboard query starts with: `ft`, and the campaign bridge when a level needs it. */
export function withFilteredTickets(query: DashboardQuery, levels: readonly GroupKey[] = [], onlyIds?: readonly number[]): SQL {
  const columns = sql.join(
    FT_KEYS.map((key) => sql`${valueOf(key, query.context)} as ${sql.raw(key)}`),
    sql`, `,
  );
  const conditions = [...filterConditions(query), ...(onlyIds ? [sql`${tickets.id} in (${list(onlyIds)})`] : [])];
  const ft = sql`ft as (
    select ${tickets.id} as id, ${columns},
      ${tickets.potentialCents} as potential, ${tickets.probability} as probability, ${tickets.expectedUsers} as users,
      ${tickets.expectedClose} as expected_close, ${atRiskCase(query.context)} as at_risk
    from ${tickets}
    left join ${contacts} on ${contacts.id} = ${tickets.contactId}
    left join ${partners} on ${partners.id} = ${ticketPartnerId}
    where ${sql.join(conditions, sql` and `)})`;
  if (!levels.includes('campaign')) return sql`with ${ft}`;
  return sql`with ${ft}, campaign_bridge as (
    select ${ticketCampaigns.ticketId} as ticket_id, ${ticketCampaigns.campaignId} as value from ${ticketCampaigns} join ft on ft.id = ${ticketCampaigns.ticketId}
    union
    select ft.id, ${partnerCampaigns.campaignId} from ft join ${partnerCampaigns} on ${partnerCampaigns.partnerId} = ${ftColumn('partner')})`;
}
