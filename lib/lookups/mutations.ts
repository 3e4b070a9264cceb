import 'server-only';
// Writes to the CRM lookup lists (`crm_admin` only): add, edit, archive, delete while unused, reorder.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationFailure, MutationResult } from '@/lib/result';
import { LOOKUP_LISTS, type LookupListKey } from './lists';
import { countEntryUsage, readEntries, type LookupEntry } from './queries';
import type { AddEntryInput, LookupDetails, UpdateEntryInput } from './schemas';

function tableOf(list: LookupListKey) {
  return LOOKUP_LISTS[list].table;
}

/** The entry at the version the form saw, or the failure to answer. */
function loadEntry(tx: Tx, list: LookupListKey, id: number, version: number): MutationFailure | { ok: true; entry: LookupEntry } {
  const entry = readEntries(tx, list).find((candidate) => candidate.id === id);
  return versionConflict(tx, entry, version) ?? { ok: true, entry: entry! };
}

/** Names are unique within a list, whatever their case. */
function nameTaken(tx: Tx, list: LookupListKey, name: string, exceptId?: number): boolean {
  const table = tableOf(list);
  const sameName = sql`lower(${table.name}) = lower(${name})`;
  return Boolean(
    tx
      .select({ id: table.id })
      .from(table)
      .where(exceptId ? and(sameName, ne(table.id, exceptId)) : sameName)
      .get(),
  );
}

/** Company-size ranges may not overlap (archived ones included: partners still fall into them). */
function overlappingSize(tx: Tx, details: LookupDetails, exceptId?: number): LookupEntry | undefined {
  const min = details.minEmployees ?? 0;
  const max = details.maxEmployees ?? Number.POSITIVE_INFINITY;
  return readEntries(tx, 'companySizes').find(
    (entry) => entry.id !== exceptId && (entry.minEmployees ?? 0) <= max && min <= (entry.maxEmployees ?? Number.POSITIVE_INFINITY),
  );
}

function checkEntry(tx: Tx, list: LookupListKey, name: string, details: LookupDetails, exceptId?: number): MutationFailure | null {
  if (nameTaken(tx, list, name, exceptId))
    return { ok: false, error: 'crmAdmin.error.nameTaken', fieldErrors: { name: 'crmAdmin.error.nameTaken' } };
  if (LOOKUP_LISTS[list].kind === 'employees') {
    const overlap = overlappingSize(tx, details, exceptId);
    if (overlap) {
      const range = `${overlap.minEmployees}–${overlap.maxEmployees ?? '∞'}`;
      return {
        ok: false,
        error: 'crmAdmin.error.overlap',
        params: { name: overlap.name, range },
        fieldErrors: { minEmployees: 'crmAdmin.error.overlapShort' },
      };
    }
  }
  return null;
}

export function addLookupEntry(db: Db, user: SessionUser, input: AddEntryInput): MutationResult<{ id: number }> {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const problem = checkEntry(tx, input.list, input.name, input.details);
    if (problem) return problem;
    const table = tableOf(input.list);
    const position = tx
      .select({ next: sql<number>`coalesce(max(${table.position}) + 1, 0)` })
      .from(table)
      .get()!.next;
    const row = tx
      .insert(table)
      .values({ name: input.name, position, updatedById: user.id, ...input.details } as typeof table.$inferInsert)
      .returning({ id: table.id })
      .get();
    return { ok: true, data: { id: row.id } };
  });
}

export function updateLookupEntry(db: Db, user: SessionUser, input: UpdateEntryInput): MutationResult {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const loaded = loadEntry(tx, input.list, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { entry } = loaded;
    const problem = checkEntry(tx, input.list, input.name, input.details, input.id);
    if (problem) return problem;
    const table = tableOf(input.list);
    tx.update(table)
      .set({ name: input.name, ...input.details, ...saveStamp(entry, user.id) })
      .where(eq(table.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

export function setLookupEntryArchived(
  db: Db,
  user: SessionUser,
  input: { list: LookupListKey; id: number; version: number; archived: boolean },
): MutationResult {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const loaded = loadEntry(tx, input.list, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { entry } = loaded;
    const table = tableOf(input.list);
    tx.update(table)
      .set({ archived: input.archived, ...saveStamp(entry, user.id) })
      .where(eq(table.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/** A company size that partners fall into is deleted only on the second, confirmed submit. */
function confirmSizeDeletion(entry: LookupEntry, partnerCount: number): MutationFailure {
  return {
    ok: false,
    error: partnerCount === 1 ? 'crmAdmin.error.sizeHoldsPartnersOne' : 'crmAdmin.error.sizeHoldsPartners',
    params: { name: entry.name, count: partnerCount },
    fieldErrors: { confirm: 'crmAdmin.confirmDeleteSize' },
  };
}

export function deleteLookupEntry(
  db: Db,
  user: SessionUser,
  input: { list: LookupListKey; id: number; version: number; confirm?: boolean },
): MutationResult {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const loaded = loadEntry(tx, input.list, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { entry } = loaded;
    const uses = countEntryUsage(tx, input.list, input.id);
    if (uses > 0 && input.list !== 'companySizes') {
      return {
        ok: false,
        error: uses === 1 ? 'crmAdmin.error.inUseOne' : 'crmAdmin.error.inUse',
        params: { name: entry.name, count: uses },
      };
    }
    if (uses > 0 && !input.confirm) return confirmSizeDeletion(entry, uses);
    const table = tableOf(input.list);
    tx.delete(table).where(eq(table.id, input.id)).run();
    return { ok: true, data: undefined };
  });
}

function writePositions(tx: Tx, list: LookupListKey, ids: number[]): void {
  const table = tableOf(list);
  ids.forEach((id, position) => tx.update(table).set({ position }).where(eq(table.id, id)).run());
}

/** Moves an entry one place up or down (the buttons that stand in for drag and drop). */
export function moveLookupEntry(
  db: Db,
  user: SessionUser,
  input: { list: LookupListKey; id: number; direction: 'up' | 'down' },
): MutationResult {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const ids = readEntries(tx, input.list).map((entry) => entry.id);
    const index = ids.indexOf(input.id);
    if (index < 0) return { ok: false, error: 'notFound' };
    const target = input.direction === 'up' ? index - 1 : index + 1;
    if (target >= 0 && target < ids.length) [ids[index], ids[target]] = [ids[target], ids[index]];
    writePositions(tx, input.list, ids);
    return { ok: true, data: undefined };
  });
}

/** Applies a complete new order from drag and drop; refused unless it names every entry once. */
export function reorderLookupEntries(db: Db, user: SessionUser, input: { list: LookupListKey; ids: number[] }): MutationResult {
  assertRole(user, 'crm_admin');
  return writeTransaction(db, (tx) => {
    const current = readEntries(tx, input.list).map((entry) => entry.id);
    const same =
      input.ids.length === current.length && new Set(input.ids).size === current.length && input.ids.every((id) => current.includes(id));
    if (!same) return { ok: false, error: 'crmAdmin.error.orderChanged' };
    writePositions(tx, input.list, input.ids);
    return { ok: true, data: undefined };
  });
}
