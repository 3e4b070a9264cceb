import 'server-only';
// Applies an import (SPEC section 18) in one transaction: the stored upload planned again against the
// records as they are now (the data may have changed since the dry run), refused when any row is an
// error or the counts differ from the dry run the user confirmed; then the planned lookup entries
// created (crm_admin), the records created and updated, the Verlauf written for CRM fields, and per
// record what undo needs (import_records). All or nothing: a failure anywhere rolls everything back.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { importRecords, imports, type ExportEntity } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import { ensureEntries } from '@/lib/crm/entries';
import type { MutationFailure, MutationResult } from '@/lib/result';
import type { ImportMapping } from '../parse/headers';
import { planImport } from '../plan/queries';
import type { ImportOptions, PlannedEntry, PlannedRow } from '../plan/types';
import { readImportUpload } from '../store/uploads';
import { historyWriter } from './history';
import type { FieldTarget } from './targets';
import { createRecord, readRecord, resolveChanges, updateRecord, type RowWriter, type WrittenRecord } from './write';

export type ApplyImportInput = {
  uploadId: number;
  mapping?: ImportMapping;
  options: ImportOptions;
  /** The dry run's counts the user confirmed. */
  expected: { create: number; update: number };
};

/** What an applied import did: rows per action, entries created, CRM fields changed. */
export type ImportCounts = {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  entries: number;
  crmChanges: number;
};

export type AppliedImport = { importId: number; counts: ImportCounts };

const IMPORT_RECORDS_CHUNK = 500;

/** A database error (a constraint, …) during apply: everything rolled back, answered as a failure. */
function isDatabaseError(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

export function applyImport(db: Db, user: SessionUser, input: ApplyImportInput): MutationResult<AppliedImport> {
  const upload = readImportUpload(db, user, input.uploadId);
  if (!upload) return { ok: false, error: 'import.apply.uploadGone' };
  try {
    return writeTransaction(db, (tx) => applyInTransaction(db, tx, user, input, upload));
  } catch (error) {
    if (isDatabaseError(error)) return { ok: false, error: 'import.apply.failed', params: { message: (error as Error).message } };
    throw error;
  }
}

function applyInTransaction(
  db: Db,
  tx: Tx,
  user: SessionUser,
  input: ApplyImportInput,
  upload: { entity: ExportEntity; fileName: string; bytes: Uint8Array },
): MutationResult<AppliedImport> {
  // Planned inside the write transaction: nobody can change the records between plan and write.
  const plan = planImport(db, user, { entity: upload.entity, bytes: upload.bytes, mapping: input.mapping, options: input.options });
  if (!plan.ok) {
    const first = plan.problems[0];
    return { ok: false, error: first?.reason ?? 'import.apply.hasErrors', params: first?.params };
  }
  if (plan.counts.error > 0) return { ok: false, error: 'import.apply.hasErrors', params: { count: plan.counts.error } };
  if (plan.counts.create !== input.expected.create || plan.counts.update !== input.expected.update)
    return { ok: false, error: 'import.apply.changed', params: { create: plan.counts.create, update: plan.counts.update } };
  const entries = createEntries(tx, user, plan.newEntries);
  if (!entries.ok) return entries;

  const at = new Date();
  const counts: ImportCounts = {
    create: plan.counts.create,
    update: plan.counts.update,
    unchanged: plan.counts.unchanged,
    skip: plan.counts.skip,
    entries: plan.newEntries.length,
    crmChanges: 0,
  };
  const importId = tx
    .insert(imports)
    .values({ userId: user.id, entity: upload.entity, fileName: upload.fileName, at, counts })
    .returning({ id: imports.id })
    .get().id;
  const writer: RowWriter = { tx, entity: upload.entity, userId: user.id, importId, at, history: historyWriter(tx, user.id) };
  const entryId = (target: FieldTarget, id: number) => entries.data.get(`${target.list}:${id}`) ?? id;
  const written: WrittenRecord[] = [];
  for (const row of plan.rows) {
    const result = writeRow(writer, row, entryId);
    if (!result.ok) return result;
    if (result.data) written.push(result.data);
  }
  counts.crmChanges = written.reduce((sum, record) => sum + record.crmChanges, 0);
  if (counts.crmChanges > 0 && !hasRole(user, 'crm')) return { ok: false, error: 'import.apply.crmDenied' };
  for (let start = 0; start < written.length; start += IMPORT_RECORDS_CHUNK) {
    tx.insert(importRecords)
      .values(
        written.slice(start, start + IMPORT_RECORDS_CHUNK).map((record) => ({
          importId,
          recordId: record.recordId,
          action: record.action,
          before: record.before,
          version: record.version,
          crmVersion: record.crmVersion,
        })),
      )
      .run();
  }
  tx.update(imports).set({ counts }).where(eq(imports.id, importId)).run();
  return { ok: true, data: { importId, counts } };
}

/** The planned new lookup entries (crm_admin only), by `list:placeholder id` → the created entry's id. */
function createEntries(tx: Tx, user: SessionUser, planned: readonly PlannedEntry[]): MutationResult<Map<string, number>> {
  const ids = new Map<string, number>();
  if (planned.length === 0) return { ok: true, data: ids };
  if (!hasRole(user, 'crm_admin')) return { ok: false, error: 'import.apply.entriesDenied' };
  for (const entry of planned) {
    const created = ensureEntries(tx, entry.list, [entry.name], user.id);
    if (!created.ok) return { ok: false, error: created.error, params: { name: entry.name } };
    ids.set(`${entry.list}:${entry.id}`, created.ids[0]);
  }
  return { ok: true, data: ids };
}

function writeRow(
  writer: RowWriter,
  row: PlannedRow,
  entryId: (target: FieldTarget, id: number) => number,
): MutationResult<WrittenRecord | null> {
  if (row.action !== 'create' && row.action !== 'update') return { ok: true, data: null };
  const changes = resolveChanges(writer.entity, row.changes, entryId);
  if (row.action === 'create') return { ok: true, data: createRecord(writer, changes) };
  const current = readRecord(writer.tx, writer.entity, row.recordId!);
  if (!current) return { ok: false, error: 'import.apply.changed' };
  const mismatch = contactPartnerMismatch(writer, current, changes, row.line);
  if (mismatch) return mismatch;
  return { ok: true, data: { action: 'update', ...updateRecord(writer, current, changes, { undo: false }) } };
}

/** A ticket moved to another partner while its contact belongs to a different one: refused, as the ticket form does. */
function contactPartnerMismatch(
  writer: RowWriter,
  current: Record<string, unknown>,
  changes: readonly { target: FieldTarget; after: unknown }[],
  line: number,
): MutationFailure | null {
  if (writer.entity !== 'tickets' || typeof current.contactId !== 'number') return null;
  const partner = changes.find((change) => change.target.key === 'partner');
  if (!partner || partner.after === null) return null;
  const contact = readRecord(writer.tx, 'contacts', current.contactId);
  if (!contact || contact.partnerId === null || contact.partnerId === partner.after) return null;
  return { ok: false, error: 'import.apply.contactPartnerMismatch', params: { line } };
}
