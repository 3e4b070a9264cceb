// SQL pieces the CRM property registry declares its values with, from db/schema.ts columns.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { companySizes, partners } from '@/db/schema';
import type { SizeRange } from './property-types';

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
export function companySizeCase(sizes: readonly SizeRange[]): SQL {
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
