import 'server-only';
// The temporary tables a bulk change and its undo work through, on the transaction's connection:
// `bulk_selection` (the chosen tickets) and `bulk_target` (those the statement set changes). Set-based:
// every step below is one statement over them, whatever the number of tickets.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { crmChanges } from '@/db/schema';
import { bare } from './targets';

export const SELECTION = sql.raw('temp.bulk_selection');
export const TARGET = sql.raw('temp.bulk_target');
/** A target's id, qualified: inside subqueries a bare `id` would name their own tables' ids. */
export const TARGET_ID = sql.raw('temp.bulk_target.id');

export function run(tx: Tx, query: SQL): number {
  return tx.run(query).changes;
}

/** The Verlauf's columns as a bulk change writes them, marked with the change (and whether it is its undo). */
export const HISTORY_COLUMNS = sql`(${bare(crmChanges.entity)}, ${bare(crmChanges.entityId)}, ${bare(crmChanges.field)}, ${bare(crmChanges.oldValue)}, ${bare(crmChanges.newValue)}, ${bare(crmChanges.userId)}, ${bare(crmChanges.at)}, ${bare(crmChanges.bulkChangeId)}, ${bare(crmChanges.bulkUndo)})`;

/** Empties (creating when needed) a temporary id table and fills it from `ids` (a query answering `id`). */
export function fillIds(tx: Tx, table: SQL, ids: SQL): number {
  run(tx, sql`create temp table if not exists ${table} (id integer primary key)`);
  run(tx, sql`delete from ${table}`);
  return run(tx, sql`insert into ${table} (id) ${ids}`);
}
