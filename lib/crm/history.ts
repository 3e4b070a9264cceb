import 'server-only';
// The CRM change history ("Verlauf"): one append-only row per changed field, written in the
// transaction of the change.
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { crmChanges, users, type CrmEntity } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';

/** A record's CRM values as history text: names for lookups (joined with ", "), numbers as digits. */
export type CrmSnapshot = Record<string, string | null>;

export function recordCrmChanges(tx: Tx, change: { entity: CrmEntity; entityId: number; userId: number; before: CrmSnapshot; after: CrmSnapshot; at?: Date }): number {
  const at = change.at ?? new Date();
  const rows = Object.keys(change.after)
    .filter((field) => (change.before[field] ?? null) !== (change.after[field] ?? null))
    .map((field) => ({
      entity: change.entity,
      entityId: change.entityId,
      field,
      oldValue: change.before[field] ?? null,
      newValue: change.after[field] ?? null,
      userId: change.userId,
      at,
    }));
  if (rows.length > 0) tx.insert(crmChanges).values(rows).run();
  return rows.length;
}

export type CrmHistoryEntry = { id: number; field: string; oldValue: string | null; newValue: string | null; userName: string | null; at: Date };

/** The history of one record, newest first (CRM data: `crm` users only). */
export function listCrmHistory(db: Db, user: SessionUser, entity: CrmEntity, entityId: number, limit = 200): CrmHistoryEntry[] {
  assertRole(user, 'crm');
  return db
    .select({ id: crmChanges.id, field: crmChanges.field, oldValue: crmChanges.oldValue, newValue: crmChanges.newValue, userName: users.name, at: crmChanges.at })
    .from(crmChanges)
    .leftJoin(users, eq(users.id, crmChanges.userId))
    .where(and(eq(crmChanges.entity, entity), eq(crmChanges.entityId, entityId)))
    .orderBy(desc(crmChanges.at), desc(crmChanges.id))
    .limit(limit)
    .all();
}
