import 'server-only';
// Optimistic concurrency shared by every edit: the version check and the stamp of a save.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { users } from '@/db/schema';
import type { MutationFailure, MutationResult } from '@/lib/result';

type Versioned = { version: number; updatedById: number | null };

/**
 * Null when `current` exists at the `expected` version; otherwise the failure to return:
 * not found, or stale with the name of whoever saved last.
 */
export function versionConflict(tx: Db | Tx, current: Versioned | undefined, expected: number): MutationFailure | null {
  if (!current) return { ok: false, error: 'notFound' };
  if (current.version === expected) return null;
  const changedBy = current.updatedById
    ? tx.select({ name: users.name }).from(users).where(eq(users.id, current.updatedById)).get()?.name
    : undefined;
  return { ok: false, error: 'staleVersion', changedBy };
}

/** The columns every save sets: the next version, the time, the author. */
export function saveStamp(current: { version: number }, userId: number | null) {
  return { version: current.version + 1, updatedAt: new Date(), updatedById: userId };
}

/** A record's CRM fields as versioned on their own (crmVersion, crmUpdatedById). */
type CrmVersioned = { crmVersion: number; crmUpdatedById: number | null };

/**
 * The version check of a CRM save: against the CRM version, naming whoever saved the CRM data last,
 * so that master-data saves and CRM saves never make each other stale.
 */
export function crmVersionConflict(tx: Db | Tx, current: CrmVersioned | undefined, expected: number): MutationFailure | null {
  return versionConflict(tx, current && { version: current.crmVersion, updatedById: current.crmUpdatedById }, expected);
}

/**
 * The columns a CRM save sets instead of saveStamp: the record's own version and "Geändert … von …"
 * stay as the last master-data save left them, so plain users see no trace of CRM activity.
 */
export function crmSaveStamp(current: { crmVersion: number }, userId: number | null) {
  return { crmVersion: current.crmVersion + 1, crmUpdatedAt: new Date(), crmUpdatedById: userId };
}

class Rollback extends Error {
  constructor(readonly failure: MutationFailure) {
    super(failure.error);
  }
}

/**
 * Runs a mutation in one synchronous transaction. A failure it returns rolls back whatever it
 * wrote before finding the problem, so "nothing changed" holds for every refused save.
 */
export function writeTransaction<T>(db: Db, work: (tx: Tx) => MutationResult<T>): MutationResult<T> {
  try {
    return db.transaction((tx) => {
      const result = work(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
}
