// The Abschlusschance each won or lost ticket of a view had when it entered its won/lost status,
// read from the Verlauf (crm_changes) in SQL, per ticket with correlated subqueries on the index
// crm_changes_field (entity, field, entity_id, at). The definition:
//
// 1. Entry: the ticket's latest `crmStatus` change whose new value is the current name of a won or
//    lost status (the Verlauf stores status names; a name a status no longer has matches nothing).
//    Only the time counts: every rule below compares times, and a save writes all its changes at
//    one `at`. A ticket in a won/lost status without such a change (closed before the Verlauf, or
//    under a status's former name) has no entry: its chance is the one in effect now.
// 2. The chance at entry is the Abschlusschance in effect just before that save:
//    a. a `probability` change at the entry's `at` (the same save) → its old value;
//    b. else the latest `probability` change before the entry (by `at`, ties by id) → its new value;
//    c. else the earliest change after the entry → its old value (what it replaced was in effect);
//    d. else (no probability history at all) the ticket's current Abschlusschance.
//    A null value there means the ticket had no chance then ("ohne Abschlusschance").
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { crmChanges, crmTicketStatuses } from '@/db/schema';
import { withFilteredTickets, type DashboardQuery } from '../dashboard/filter-sql';

const statusChange = alias(crmChanges, 'sc');
const chanceChange = alias(crmChanges, 'pc');
const decisive = alias(crmChanges, 'dc');

const CLOSED_STATUS_NAMES = sql`select ${crmTicketStatuses.name} from ${crmTicketStatuses} where ${crmTicketStatuses.phase} <> 'open'`;

/** Rule 1: when the ticket `e.id` entered its won/lost status (UTC ms), or null. Newest first, so
 * the index gives the usual case (the latest change closed it) at the first row. */
const ENTRY_AT = sql`(select ${statusChange.at} from ${crmChanges} ${sql.identifier('sc')}
  where ${statusChange.entity} = 'ticket' and ${statusChange.field} = 'crmStatus' and ${statusChange.entityId} = e.id
    and ${statusChange.newValue} in (${CLOSED_STATUS_NAMES})
  order by ${statusChange.at} desc, ${statusChange.id} desc limit 1)`;

/** The ticket `d.id`'s probability changes, as `from … where …` (the index's order is `at`, then id). */
const CHANCE_CHANGES = sql`from ${crmChanges} ${sql.identifier('pc')}
  where ${chanceChange.entity} = 'ticket' and ${chanceChange.field} = 'probability' and ${chanceChange.entityId} = d.id`;

/** Rule 2 a–c: the id of the probability change that tells the chance at `d.entry_at`, or null; each one index seek. */
const DECISIVE_CHANGE = sql`coalesce(
  (select ${chanceChange.id} ${CHANCE_CHANGES} and ${chanceChange.at} = d.entry_at order by ${chanceChange.id} limit 1),
  (select ${chanceChange.id} ${CHANCE_CHANGES} and ${chanceChange.at} < d.entry_at order by ${chanceChange.at} desc, ${chanceChange.id} desc limit 1),
  (select ${chanceChange.id} ${CHANCE_CHANGES} and ${chanceChange.at} > d.entry_at order by ${chanceChange.at}, ${chanceChange.id} limit 1))`;

/**
 * One row per won or lost ticket of the view: `id`, `phase`, `chance` (0–100 or null). The view's
 * phase filter must already be narrowed to won and lost. `materialized`: inlined, each use of
 * `entry_at` and `change_id` would run its subquery again.
 */
export function chancesAtEntryQuery(query: DashboardQuery): SQL {
  return sql`${withFilteredTickets(query)},
    entered as materialized (select e.id as id, e.phase as phase, e.probability as probability, ${ENTRY_AT} as entry_at
      from ft e where e.phase in ('won', 'lost')),
    decided as materialized (select d.*, case when d.entry_at is null then null else ${DECISIVE_CHANGE} end as change_id from entered d),
    chances as (select d.id as id, d.phase as phase,
        case when d.change_id is null then d.probability
          when ${decisive.at} < d.entry_at then cast(${decisive.newValue} as integer)
          else cast(${decisive.oldValue} as integer) end as chance
      from decided d left join ${crmChanges} ${sql.identifier('dc')} on ${decisive.id} = d.change_id)`;
}

/** How many of the view's won/lost tickets had each chance at entry, and how many of those won. */
export function chanceCountsQuery(query: DashboardQuery): SQL {
  return sql`${chancesAtEntryQuery(query)}
    select chance, count(*) as n, coalesce(sum(phase = 'won'), 0) as won from chances group by chance`;
}

/** Each ticket's chance at entry. */
export function ticketChancesQuery(query: DashboardQuery): SQL {
  return sql`${chancesAtEntryQuery(query)} select id, phase, chance from chances order by id`;
}
