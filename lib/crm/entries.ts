import 'server-only';
// Lookup entries chosen on a CRM form: checked against the list, created from typed names,
// and named for the history.
import { asc, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { LOOKUP_LISTS, type LookupListKey } from '@/lib/lookups/lists';
import { z } from 'zod';
import { idSchema } from '@/lib/validation';

/** Checkbox groups: absent means none ticked. */
export const chosenIdsSchema = z
  .preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(idSchema).max(500))
  .transform((ids) => [...new Set(ids)]);

/** A single optional choice from a select: '' means none. */
export const optionalIdSchema = z
  .union([z.literal('').transform(() => null), idSchema])
  .optional()
  .transform((value) => value ?? null);

/** "Neue Produkte": comma-separated names, each 1–100 characters. */
export const newNamesSchema = z
  .string()
  .max(2000, { message: 'crm.error.newName' })
  .optional()
  .default('')
  .transform((text) => {
    // One entry per name whatever its case: "Support, support" creates one.
    const byKey = new Map<string, string>();
    for (const name of text.split(',').map((part) => part.trim()))
      if (name && !byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
    return [...byKey.values()];
  })
  .refine((names) => names.every((name) => name.length <= 100), { message: 'crm.error.newName' });

/**
 * The problem with a choice, or null: every id must exist in the list, and an archived entry may
 * stay on a record that already carries it but cannot be chosen anew.
 */
export function checkChosenEntries(tx: Tx, list: LookupListKey, chosen: readonly number[], current: readonly number[]): string | null {
  if (chosen.length === 0) return null;
  const { table } = LOOKUP_LISTS[list];
  const found = tx
    .select({ id: table.id, archived: table.archived })
    .from(table)
    .where(inArray(table.id, [...chosen]))
    .all();
  if (found.length !== chosen.length) return 'crm.error.unknownEntry';
  if (found.some((entry) => entry.archived && !current.includes(entry.id))) return 'crm.error.archivedEntry';
  return null;
}

/**
 * Ids for typed names: an existing entry of that name (any case) or a new one at the end of the
 * list. Refuses (before writing anything) a name that belongs to an archived entry.
 */
export function ensureEntries(
  tx: Tx,
  list: LookupListKey,
  names: readonly string[],
  userId: number,
): { ok: true; ids: number[] } | { ok: false; error: string } {
  const { table } = LOOKUP_LISTS[list];
  const existing = names.map((name) =>
    tx
      .select({ id: table.id, archived: table.archived })
      .from(table)
      .where(sql`lower(${table.name}) = lower(${name})`)
      .get(),
  );
  if (existing.some((entry) => entry?.archived)) return { ok: false, error: 'crm.error.archivedEntry' };
  const ids = names.map((name, index) => {
    const found = existing[index];
    if (found) return found.id;
    const position = tx
      .select({ next: sql<number>`coalesce(max(${table.position}) + 1, 0)` })
      .from(table)
      .get()!.next;
    return tx
      .insert(table)
      .values({ name, position, updatedById: userId } as typeof table.$inferInsert)
      .returning({ id: table.id })
      .get().id;
  });
  return { ok: true, ids };
}

/** The names of entries in admin order, joined for the history; null when there are none. */
export function entryNames(tx: Tx, list: LookupListKey, ids: readonly number[]): string | null {
  if (ids.length === 0) return null;
  const { table } = LOOKUP_LISTS[list];
  const rows = tx
    .select({ name: table.name })
    .from(table)
    .where(inArray(table.id, [...ids]))
    .orderBy(asc(table.position), asc(table.id))
    .all();
  return rows.map((row) => row.name).join(', ');
}
