import 'server-only';
// Undoes an applied import once (SPEC section 18), in one transaction: each record it created is removed
// when nobody changed it since (its versions still the import's) and nothing refers to it (a partner
// with contacts or tickets, a contact on a ticket); each record it updated gets its values before back
// when nobody changed it since (the versions the import bumped still the import's), with Verlauf entries
// marked as the import's undo. Everything else is skipped and reported by name and reason.
// Who may: the importer or an `admin`; an import that changed CRM fields also needs `crm`.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contacts, importRecords, imports, tickets, type ExportEntity } from '@/db/schema';
import { assertRole, hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import type { MessageKey } from '@/lib/i18n';
import type { MutationResult } from '@/lib/result';
import { historyWriter } from './history';
import { FIELD_TARGETS, TABLES, type FieldTarget } from './targets';
import { readRecord, updateRecord, type ResolvedChange, type RowWriter } from './write';

export type ImportUndoSkip = { recordId: number; label: string; reason: MessageKey };
export type ImportUndoReport = { removed: number; restored: number; skipped: ImportUndoSkip[] };

type Row = Record<string, unknown>;
type CrmSwitch = { enabled: boolean; activatedAt: number | null };

function labelOf(entity: ExportEntity, record: Row): string {
  if (entity === 'partners') return String(record.name ?? '');
  if (entity === 'contacts') return [record.firstName, record.lastName].filter(Boolean).join(' ');
  return String(record.number ?? '');
}

/** Why a created record cannot go: something refers to it. */
function referenced(tx: Tx, entity: ExportEntity, id: number): MessageKey | null {
  const contactOf = () => tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.partnerId, id)).limit(1).get();
  const ticketOf = (column: typeof tickets.partnerId | typeof tickets.contactId) =>
    tx.select({ id: tickets.id }).from(tickets).where(eq(column, id)).limit(1).get();
  if (entity === 'partners' && contactOf()) return 'import.apply.undo.hasContacts';
  if (entity === 'partners' && ticketOf(tickets.partnerId)) return 'import.apply.undo.hasTickets';
  if (entity === 'contacts' && ticketOf(tickets.contactId)) return 'import.apply.undo.hasTickets';
  return null;
}

/** Deletes a record in a savepoint; a foreign key still pointing at it keeps it (and answers false). */
function tryDelete(tx: Tx, entity: ExportEntity, id: number): boolean {
  const table = TABLES[entity];
  try {
    tx.transaction((inner) => {
      inner.delete(table).where(eq(table.id, id)).run();
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return false;
    throw error;
  }
}

/** A field's value now, as stored (a bridge's ids). */
function currentValue(tx: Tx, target: FieldTarget, record: Row): unknown {
  if (target.columnKey) return record[target.columnKey];
  const bridge = target.bridge!;
  return tx
    .select({ id: bridge.entry })
    .from(bridge.owner.table)
    .where(eq(bridge.owner, record.id as number))
    .orderBy(asc(bridge.entry))
    .all()
    .map((row) => row.id);
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, index) => id === b[index]);

export function undoImport(db: Db, user: SessionUser, input: { id: number }): MutationResult<ImportUndoReport> {
  return writeTransaction(db, (tx) => {
    const applied = tx.select().from(imports).where(eq(imports.id, input.id)).get();
    if (!applied) return { ok: false, error: 'notFound' };
    if (applied.userId !== user.id && !hasRole(user, 'admin')) return { ok: false, error: 'import.apply.undo.denied' };
    if ((applied.counts.crmChanges ?? 0) > 0) assertRole(user, 'crm');
    if (applied.undoneAt) return { ok: false, error: 'import.apply.undo.already' };

    const entity = applied.entity;
    const at = new Date();
    const writer: RowWriter = { tx, entity, userId: user.id, importId: applied.id, at, history: historyWriter(tx, user.id) };
    const report: ImportUndoReport = { removed: 0, restored: 0, skipped: [] };
    const skip = (recordId: number, record: Row | undefined, reason: MessageKey) =>
      report.skipped.push({ recordId, label: record ? labelOf(entity, record) : `#${recordId}`, reason });
    const records = tx
      .select()
      .from(importRecords)
      .where(eq(importRecords.importId, applied.id))
      .orderBy(desc(importRecords.recordId))
      .all();
    for (const item of records) {
      const current = readRecord(tx, entity, item.recordId);
      if (!current) {
        skip(item.recordId, undefined, 'import.apply.undo.gone');
        continue;
      }
      const bridgesAfter = (item.before?.$after ?? {}) as Record<string, number[]>;
      const bridgesSame = Object.entries(bridgesAfter).every(([key, ids]) => {
        const target = FIELD_TARGETS[entity].get(key);
        return !target || sameIds(currentValue(tx, target, current) as number[], ids);
      });
      const crmSame = (item.crmVersion === null || current.crmVersion === item.crmVersion) && bridgesSame;
      if (item.action === 'create') {
        if (current.version !== item.version || !crmSame) skip(item.recordId, current, 'import.apply.undo.changedSince');
        else {
          const reason =
            referenced(tx, entity, item.recordId) ?? (tryDelete(tx, entity, item.recordId) ? null : 'import.apply.undo.referenced');
          if (reason) skip(item.recordId, current, reason);
          else report.removed += 1;
        }
        continue;
      }
      const before = { ...(item.before ?? {}) };
      const crmSwitch = before.$crm as CrmSwitch | undefined;
      delete before.$crm;
      delete before.$after;
      const changes: ResolvedChange[] = Object.entries(before).flatMap(([key, value]) => {
        const target = FIELD_TARGETS[entity].get(key);
        return target ? [{ target, before: currentValue(tx, target, current), after: value }] : [];
      });
      const master = changes.some((change) => !change.target.crm);
      const crm = crmSwitch !== undefined || changes.some((change) => change.target.crm);
      if ((master && current.version !== item.version) || (crm && !crmSame)) {
        skip(item.recordId, current, 'import.apply.undo.changedSince');
        continue;
      }
      updateRecord(writer, current, changes, { undo: true, crmEnabled: crmSwitch?.enabled });
      if (crmSwitch)
        tx.update(tickets)
          .set({ crmActivatedAt: crmSwitch.activatedAt === null ? null : new Date(crmSwitch.activatedAt) })
          .where(eq(tickets.id, item.recordId))
          .run();
      report.restored += 1;
    }
    tx.update(imports)
      .set({ undoneAt: at, undoneById: user.id, undoReport: report })
      .where(and(eq(imports.id, applied.id), isNull(imports.undoneAt)))
      .run();
    return { ok: true, data: report };
  });
}
