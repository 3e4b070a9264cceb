// SQL pieces the CRM property registry declares its values with, from db/schema.ts columns.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { companySizes, crmChanges, crmTicketStatuses, partners, tickets } from '@/db/schema';
import type { FollowupClock, FollowupSection } from './followups/clock';
import type { ValueContext } from './property-types';

type Lookup = SQLiteTable & { id: SQLiteColumn; name: SQLiteColumn; position: SQLiteColumn };

/** The name of the lookup entry `id` points to. */
export function lookupName(table: Lookup, id: SQL | SQLiteColumn): SQL {
  return sql`(select ${table.name} from ${table} where ${table.id} = ${id})`;
}

/** The names of a record's entries of a many-to-many list, joined with `, ` in the list's admin order. */
export function namesOf(lookup: Lookup, bridgeEntry: SQLiteColumn, bridgeOwner: SQLiteColumn, owner: SQLiteColumn): SQL {
  return sql`(select group_concat(${lookup.name}, ', ' order by ${lookup.position}, ${lookup.id}) from ${bridgeOwner.table} join ${lookup} on ${lookup.id} = ${bridgeEntry} where ${bridgeOwner} = ${owner})`;
}

/** Gruppierte Unternehmensgröße for the dashboard: a CASE over the current ranges (first match in admin order). */
export function companySizeCase({ sizes }: ValueContext): SQL {
  if (sizes.length === 0) return sql`null`;
  const branches = sizes.map((size) =>
    size.max === null
      ? sql`when ${partners.employeeCount} >= ${size.min} then ${size.id}`
      : sql`when ${partners.employeeCount} between ${size.min} and ${size.max} then ${size.id}`,
  );
  return sql`(case ${sql.join(branches, sql` `)} end)`;
}

/** Gruppierte Unternehmensgröße by name, as companySizeFor reads it: the first range in admin order. */
export const COMPANY_SIZE_NAME = sql`(select ${companySizes.name} from ${companySizes} where ${partners.employeeCount} is not null
  and ${companySizes.minEmployees} <= ${partners.employeeCount}
  and (${companySizes.maxEmployees} is null or ${companySizes.maxEmployees} >= ${partners.employeeCount})
  order by ${companySizes.position}, ${companySizes.id} limit 1)`;

/** A value of the dashboard's filtered-ticket set `ft` (its columns are named by property key). */
export function ft(key: string): SQL {
  return sql.raw(`ft.${key}`);
}

/** A ticket's phase (SPEC section 14) for the dashboard: a CASE over the closed statuses read once per request. */
export function phaseCase({ phases }: ValueContext): SQL {
  const branches = (['won', 'lost'] as const)
    .filter((phase) => phases[phase].length > 0)
    .map(
      (phase) =>
        sql`when ${tickets.crmStatusId} in (${sql.join(
          phases[phase].map((id) => sql`${id}`),
          sql`, `,
        )}) then ${phase}`,
    );
  return branches.length === 0 ? sql`'open'` : sql`(case ${sql.join(branches, sql` `)} else 'open' end)`;
}

/** A ticket's phase by its status, where no context is at hand (exports). */
export const PHASE_OF_TICKET = sql`coalesce((select ${crmTicketStatuses.phase} from ${crmTicketStatuses} where ${crmTicketStatuses.id} = ${tickets.crmStatusId}), 'open')`;

/** The expected close's month, `YYYY-MM`. */
export const CLOSE_MONTH = sql`substr(${tickets.expectedClose}, 1, 7)`;

/** The expected close's quarter, `YYYY-Qn`. */
export const CLOSE_QUARTER = sql`(substr(${tickets.expectedClose}, 1, 4) || '-Q' || ((cast(substr(${tickets.expectedClose}, 6, 2) as integer) + 2) / 3))`;

/** The Verlauf's changes of a ticket's expected close, oldest first (`c` is crm_changes). */
const closeChanges = sql`from ${crmChanges} c where c.entity = 'ticket' and c.field = 'expectedClose' and c.entity_id = ${tickets.id}`;

/** Slips (SPEC section 14): how often the expected close moved later, from the history. */
export const CLOSE_SLIPS = sql`(select count(*) ${closeChanges} and c.old_value is not null and c.new_value > c.old_value)`;

/** Whether the expected close moved later at least once. */
export const CLOSE_SLIPPED = sql`exists (select 1 ${closeChanges} and c.old_value is not null and c.new_value > c.old_value)`;

/** The expected close as first recorded: the first change's old value, or its new one when it was set from empty. */
export const ORIGINAL_CLOSE = sql`(select coalesce(c.old_value, c.new_value) ${closeChanges} order by c.at, c.id limit 1)`;

/**
 * A next action is overdue (lib/crm/followups/clock.ts nextActionState, the same rule): a past day, or
 * today with a time that has passed; such a value (`YYYY-MM-DDTHH:MM`) sorts after `today` and before `now`.
 */
export function nextActionOverdue(clock: FollowupClock): SQL {
  const at = tickets.nextActionAt;
  return sql`(${at} < ${clock.today} or (${at} > ${clock.today} and ${at} < ${clock.now}))`;
}

/** A next action's state (nextActionState) at the request's clock. */
export function nextActionStateCase({ clock }: ValueContext): SQL {
  const at = tickets.nextActionAt;
  return sql`(case when ${at} is null then 'none' when ${nextActionOverdue(clock)} then 'overdue'
    when substr(${at}, 1, 10) = ${clock.today} then 'today' else 'planned' end)`;
}

/** A next action's section of "Meine Wiedervorlagen" (clock.ts followupSection), for tickets that have one. */
export function followupSectionCase(clock: FollowupClock): SQL<FollowupSection> {
  const day = sql`substr(${tickets.nextActionAt}, 1, 10)`;
  return sql<FollowupSection>`(case when ${nextActionOverdue(clock)} then 'overdue' when ${day} = ${clock.today} then 'today'
    when ${day} <= ${clock.weekEnd} then 'week' else 'later' end)`;
}

/** A ticket's last CRM change: the newest change that moved the deal on, else its activation. */
export const LAST_CRM_CHANGE = sql`coalesce(${tickets.crmMovedAt}, ${tickets.crmActivatedAt})`;

/** 1 when a ticket is stale (its status's rule, lib/crm/followups/clock.ts staleCutoff), else 0. */
export function staleCase({ stale }: ValueContext): SQL {
  if (stale.length === 0) return sql`0`;
  const cutoffs = stale.map((rule) => sql`when ${rule.id} then ${rule.cutoff}`);
  return sql`coalesce(${LAST_CRM_CHANGE} < (case ${tickets.crmStatusId} ${sql.join(cutoffs, sql` `)} end), 0)`;
}

/**
 * 1 when an open ticket is at risk (SPEC section 17): stale, its next action overdue, or none set; else 0.
 * A CASE that stops at its first answer, as the dashboard computes it for every ticket: closed statuses
 * first, then no next action, then overdue, then stale by its status's rule (staleCase, the same rule);
 * measured at about a third of the cost of OR-ing the three conditions.
 */
export function atRiskCase({ phases, clock, stale }: ValueContext): SQL {
  const at = tickets.nextActionAt;
  const closed = [...phases.won, ...phases.lost];
  const closedBranch =
    closed.length === 0
      ? sql``
      : sql`when ${tickets.crmStatusId} in (${sql.join(
          closed.map((id) => sql`${id}`),
          sql`, `,
        )}) then 0 `;
  const staleBranch =
    stale.length === 0
      ? sql`0`
      : sql`(case ${tickets.crmStatusId} ${sql.join(
          stale.map((rule) => sql`when ${rule.id} then coalesce(${LAST_CRM_CHANGE} < ${rule.cutoff}, 0)`),
          sql` `,
        )} else 0 end)`;
  return sql`(case ${closedBranch}when ${at} is null then 1 when ${nextActionOverdue(clock)} then 1 else ${staleBranch} end)`;
}
