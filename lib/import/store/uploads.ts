import 'server-only';
// Uploaded import files (SPEC section 18), kept between the dry run and the apply so both work without
// JavaScript: one row per upload, readable by its owner only, the owner's uploads older than a day
// removed whenever they upload again.
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { EXPORT_ENTITIES, importUploads, type ExportEntity } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { checkImportSize } from '../parse/decode';

/** How long an upload is kept for its dry run and apply. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type ImportUploadInput = { entity: ExportEntity; fileName: string; bytes: Uint8Array };
export type ImportUpload = { id: number; entity: ExportEntity; fileName: string; bytes: Uint8Array; createdAt: Date };

export function saveImportUpload(db: Db, user: Actor, input: ImportUploadInput, now = new Date()): MutationResult<{ id: number }> {
  if (!EXPORT_ENTITIES.includes(input.entity)) return { ok: false, error: 'import.apply.badEntity' };
  const tooLarge = checkImportSize(input.bytes.byteLength);
  if (tooLarge) return { ok: false, error: tooLarge.reason, params: tooLarge.params };
  const fileName = input.fileName.trim().slice(0, 255) || 'import.csv';
  return writeTransaction(db, (tx) => {
    tx.delete(importUploads)
      .where(and(eq(importUploads.userId, user.id), lt(importUploads.createdAt, new Date(now.getTime() - UPLOAD_LIFETIME_MS))))
      .run();
    const row = tx
      .insert(importUploads)
      .values({ userId: user.id, entity: input.entity, fileName, bytes: Buffer.from(input.bytes), createdAt: now })
      .returning({ id: importUploads.id })
      .get();
    return { ok: true, data: { id: row.id } };
  });
}

/** The user's own upload, or undefined (unknown id, or another user's). */
export function readImportUpload(db: Db, user: Actor, id: number): ImportUpload | undefined {
  const row = db
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.userId, user.id)))
    .get();
  if (!row) return undefined;
  return { id: row.id, entity: row.entity, fileName: row.fileName, bytes: new Uint8Array(row.bytes), createdAt: row.createdAt };
}
