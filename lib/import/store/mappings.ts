import 'server-only';
// A user's saved header mappings per entity (SPEC section 18): listed, saved (the same name overwrites,
// at its version), deleted; each user sees and changes only their own.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importMappings, type ExportEntity } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { importMappingSchema, type ImportMapping } from '../parse/headers';

export type SavedImportMapping = { id: number; name: string; mapping: ImportMapping; version: number; updatedAt: Date };

export type SaveImportMappingInput = {
  entity: ExportEntity;
  name: string;
  mapping: unknown;
  /** The version of the mapping being overwritten (same name); omitted for a new name. */
  version?: number;
};

export function listImportMappings(db: Db, user: Actor, entity: ExportEntity): SavedImportMapping[] {
  return db
    .select({
      id: importMappings.id,
      name: importMappings.name,
      mapping: importMappings.mapping,
      version: importMappings.version,
      updatedAt: importMappings.updatedAt,
    })
    .from(importMappings)
    .where(and(eq(importMappings.userId, user.id), eq(importMappings.entity, entity)))
    .orderBy(asc(importMappings.name))
    .all();
}

export function saveImportMapping(db: Db, user: Actor, input: SaveImportMappingInput): MutationResult<{ id: number; version: number }> {
  const name = input.name.trim();
  if (name === '' || name.length > 100)
    return { ok: false, error: 'import.apply.mappingName', fieldErrors: { name: 'import.apply.mappingName' } };
  const parsed = importMappingSchema(input.entity).safeParse(input.mapping);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.code === 'custom' ? issue.message : 'import.apply.mappingInvalid';
    return { ok: false, error: message, fieldErrors: { mapping: message } };
  }
  return writeTransaction(db, (tx) => {
    const owner = and(eq(importMappings.userId, user.id), eq(importMappings.entity, input.entity), eq(importMappings.name, name));
    const current = tx.select().from(importMappings).where(owner).get();
    if (current) {
      if (input.version !== undefined) {
        const conflict = versionConflict(tx, current, input.version);
        if (conflict) return conflict;
      }
      const stamp = saveStamp(current, user.id);
      tx.update(importMappings)
        .set({ mapping: parsed.data, ...stamp })
        .where(eq(importMappings.id, current.id))
        .run();
      return { ok: true, data: { id: current.id, version: stamp.version } };
    }
    const row = tx
      .insert(importMappings)
      .values({ userId: user.id, entity: input.entity, name, mapping: parsed.data, updatedById: user.id })
      .returning({ id: importMappings.id, version: importMappings.version })
      .get();
    return { ok: true, data: row };
  });
}

export function deleteImportMapping(db: Db, user: Actor, input: { id: number; version: number }): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = tx
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.id, input.id), eq(importMappings.userId, user.id)))
      .get();
    const conflict = versionConflict(tx, current, input.version);
    if (conflict) return conflict;
    tx.delete(importMappings).where(eq(importMappings.id, input.id)).run();
    return { ok: true, data: undefined };
  });
}
