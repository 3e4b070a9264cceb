import 'server-only';
// The CRM change history ("Verlauf"): one append-only row per changed field, written in the
// transaction of the change.
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { crmChanges, users, type CrmEntity } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { CrmSnapshot, HistoryField } from './history-fields';

export type { CrmSnapshot };

export function recordCrmChanges<E extends CrmEntity>(
  tx: Tx,
  change: {
    entity: E;
    entityId: number;
    userId: number;
    before: CrmSnapshot<E>;
    after: CrmSnapshot<E>;
    at?: Date;
    /** The import (or with importUndo, its undo) the change belongs to. */
    importId?: number;
    importUndo?: boolean;
  },
): number {
  const at = change.at ?? new Date();
  const rows = (Object.keys(change.after) as HistoryField<E>[])
    .filter((field) => (change.before[field] ?? null) !== (change.after[field] ?? null))
    .map((field) => ({
      entity: change.entity,
      entityId: change.entityId,
      field,
      oldValue: change.before[field] ?? null,
      newValue: change.after[field] ?? null,
      userId: change.userId,
      at,
      ...(change.importId === undefined ? {} : { importId: change.importId, importUndo: change.importUndo ?? false }),
    }));
  if (rows.length > 0) tx.insert(crmChanges).values(rows).run();
  return rows.length;
}

export type CrmHistoryEntry = {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  userName: string | null;
  at: Date;
};

/** Entries the "Verlauf" shows at a time; older ones are on the following pages. */
export const CRM_HISTORY_PAGE_SIZE = 20;

/** The history of one record, newest first (CRM data: `crm` users only). */
export function listCrmHistory(
  db: Db | Tx,
  user: SessionUser,
  entity: CrmEntity,
  entityId: number,
  limit = 200,
  offset = 0,
): CrmHistoryEntry[] {
  assertRole(user, 'crm');
  return db
    .select({
      id: crmChanges.id,
      field: crmChanges.field,
      oldValue: crmChanges.oldValue,
      newValue: crmChanges.newValue,
      userName: users.name,
      at: crmChanges.at,
    })
    .from(crmChanges)
    .leftJoin(users, eq(users.id, crmChanges.userId))
    .where(ofRecord(entity, entityId))
    .orderBy(desc(crmChanges.at), desc(crmChanges.id))
    .limit(limit)
    .offset(offset)
    .all();
}

export type CrmHistoryPage = { entries: CrmHistoryEntry[]; total: number; page: number; pageSize: number };

/**
 * One page of a record's history (1 = the newest entries), with the number of all its entries, read
 * in one transaction; a page past the last is the last. A record edited for years keeps a page of
 * bounded size: the ticket page, and every save's answer, draws 20 entries, not all of them.
 */
export function crmHistoryPage(db: Db, user: SessionUser, entity: CrmEntity, entityId: number, page: number): CrmHistoryPage {
  assertRole(user, 'crm');
  const pageSize = CRM_HISTORY_PAGE_SIZE;
  return db.transaction((tx) => {
    const [{ total }] = tx.select({ total: count() }).from(crmChanges).where(ofRecord(entity, entityId)).all();
    const shown = Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
    return { entries: listCrmHistory(tx, user, entity, entityId, pageSize, (shown - 1) * pageSize), total, page: shown, pageSize };
  });
}

function ofRecord(entity: CrmEntity, entityId: number) {
  return and(eq(crmChanges.entity, entity), eq(crmChanges.entityId, entityId));
}
