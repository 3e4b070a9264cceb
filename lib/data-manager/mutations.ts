import 'server-only';
// Writes of the data manager: a user's named export templates (a column set per entity).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exportTemplates } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { findDataColumn } from './columns';
import { columnKeysOf } from './params';
import type { SaveExportTemplateInput } from './schemas';

/**
 * Saves the column set under its name; saving again under the same name replaces the columns. Unknown
 * columns are refused, and CRM columns for a user without `crm`, so a template never carries what its
 * owner may not export.
 */
export function saveExportTemplate(db: Db, user: SessionUser, input: SaveExportTemplateInput): MutationResult<{ id: number }> {
  const keys = columnKeysOf({ columns: input.columns });
  for (const key of keys) {
    const found = findDataColumn(input.entity, key);
    if (!found || (found.crm && !hasRole(user, 'crm'))) {
      return {
        ok: false,
        error: 'dataManager.error.unknownColumn',
        params: { column: key.slice(0, 100) },
        fieldErrors: { columns: 'invalid' },
      };
    }
  }
  if (keys.length === 0) return { ok: false, error: 'dataManager.error.noColumns' };
  return writeTransaction(db, (tx) => {
    const mine = and(eq(exportTemplates.ownerId, user.id), eq(exportTemplates.entity, input.entity), eq(exportTemplates.name, input.name));
    const existing = tx.select({ id: exportTemplates.id, version: exportTemplates.version }).from(exportTemplates).where(mine).get();
    if (existing) {
      tx.update(exportTemplates)
        .set({ columns: keys, version: existing.version + 1, updatedAt: new Date(), updatedById: user.id })
        .where(eq(exportTemplates.id, existing.id))
        .run();
      return { ok: true, data: { id: existing.id } };
    }
    const created = tx
      .insert(exportTemplates)
      .values({ ownerId: user.id, entity: input.entity, name: input.name, columns: keys, updatedById: user.id })
      .returning({ id: exportTemplates.id })
      .get();
    return { ok: true, data: created };
  });
}

/** Deletes one of the user's own templates; another user's template counts as not found. */
export function deleteExportTemplate(db: Db, user: SessionUser, input: { id: number }): MutationResult {
  return writeTransaction(db, (tx) => {
    const deleted = tx
      .delete(exportTemplates)
      .where(and(eq(exportTemplates.id, input.id), eq(exportTemplates.ownerId, user.id)))
      .returning({ id: exportTemplates.id })
      .all();
    return deleted.length === 1 ? { ok: true, data: undefined } : { ok: false, error: 'notFound' };
  });
}
