import 'server-only';
// The applied imports (SPEC section 18), newest first: who, when, which entity and file, the counts, and
// whether and by whom each was undone with its report. Every signed-in user sees the list: it names
// records and counts, no CRM values (counts.crmChanges is a number of changed CRM fields, nothing more).
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { imports, users, type ExportEntity } from '@/db/schema';
import { hasRole, type Actor } from '@/lib/auth/access';
import type { ImportCounts } from '../apply/apply';
import type { ImportUndoReport } from '../apply/undo';

export type ImportSummary = {
  id: number;
  userId: number;
  userName: string | null;
  at: Date;
  entity: ExportEntity;
  fileName: string;
  counts: ImportCounts;
  undoneAt: Date | null;
  undoneByName: string | null;
  undoReport: ImportUndoReport | null;
  /** Whether this user may undo it now (undoImport's rules). */
  canUndo: boolean;
};

const undoer = alias(users, 'undoer');

/** undoImport's rules: not undone yet; the importer or an admin; `crm` when it changed CRM fields. */
export function mayUndoImport(user: Actor, applied: { userId: number; undoneAt: Date | null; counts: Partial<ImportCounts> }): boolean {
  if (applied.undoneAt) return false;
  if (applied.userId !== user.id && !hasRole(user, 'admin')) return false;
  return (applied.counts.crmChanges ?? 0) === 0 || hasRole(user, 'crm');
}

function summaries(db: Db, user: Actor, id?: number): ImportSummary[] {
  const query = db
    .select({
      id: imports.id,
      userId: imports.userId,
      userName: users.name,
      at: imports.at,
      entity: imports.entity,
      fileName: imports.fileName,
      counts: imports.counts,
      undoneAt: imports.undoneAt,
      undoneByName: undoer.name,
      undoReport: imports.undoReport,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .leftJoin(undoer, eq(undoer.id, imports.undoneById));
  const rows = id === undefined ? query.orderBy(desc(imports.at), desc(imports.id)).all() : query.where(eq(imports.id, id)).all();
  return rows.map((row) => ({
    ...row,
    counts: row.counts as ImportCounts,
    undoReport: (row.undoReport as ImportUndoReport | null) ?? null,
    canUndo: mayUndoImport(user, { ...row, counts: row.counts as ImportCounts }),
  }));
}

/** Every applied import, newest first. */
export function listImports(db: Db, user: Actor): ImportSummary[] {
  return summaries(db, user);
}

export function getImport(db: Db, user: Actor, id: number): ImportSummary | undefined {
  return summaries(db, user, id)[0];
}
