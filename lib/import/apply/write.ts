import 'server-only';
// One planned row written (SPEC section 18): a record created as the create forms do (partners with a
// GPID from the counter unless the row names a free one, tickets with the next number, sort keys), or a
// record's changed fields updated with the stamps of the forms (master data: version and stamp; CRM
// fields: CRM version and CRM stamp). A ticket given CRM values is CRM-enabled (and activated, if it
// never was), as a user would switch it on before filling its CRM form. Answers what undo needs.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { ExportEntity } from '@/db/schema';
import { crmSaveStamp, saveStamp } from '@/lib/concurrency';
import { columnKey } from '@/lib/crm/record/fields';
import { contactSortKey, germanSortKey } from '@/lib/order/sort-key';
import { nextFreeGpid } from '@/lib/partners/mutations';
import { nextTicketNumber } from '@/lib/tickets/mutations';
import type { PlannedChange } from '../plan/types';
import type { HistoryWriter } from './history';
import { FIELD_TARGETS, storedValue, TABLES, type FieldTarget } from './targets';

/** A planned change with its target and its placeholder entry ids replaced by the created ones. */
export type ResolvedChange = { target: FieldTarget; before: unknown; after: unknown };

/** What import_records keeps of a written record. */
export type WrittenRecord = {
  recordId: number;
  action: 'create' | 'update';
  /**
   * update: the fields' stored values before, by field key; `$crm`: a ticket's CRM switch before.
   * Contacts (no CRM version): `$after`, the Merkmale ids the import set, by which undo tells a later change.
   */
  before: Record<string, unknown> | null;
  version: number;
  crmVersion: number | null;
  crmChanges: number;
};

export type RowWriter = { tx: Tx; entity: ExportEntity; userId: number; importId: number; at: Date; history: HistoryWriter };

type Row = Record<string, unknown>;

/** The changes of a row with their targets; entry placeholders (negative ids) replaced via `entryId`. */
export function resolveChanges(
  entity: ExportEntity,
  changes: readonly PlannedChange[],
  entryId: (target: FieldTarget, id: number) => number,
) {
  const swap = (target: FieldTarget, value: unknown): unknown => {
    if (typeof value === 'number' && value < 0 && target.list) return entryId(target, value);
    if (Array.isArray(value) && target.list) return value.map((id: number) => (id < 0 ? entryId(target, id) : id));
    return value;
  };
  return changes.flatMap((change): ResolvedChange[] => {
    const target = FIELD_TARGETS[entity].get(change.key);
    return target ? [{ target, before: swap(target, change.before), after: swap(target, change.after) }] : [];
  });
}

function columnValues(changes: readonly ResolvedChange[]): Row {
  const values: Row = {};
  for (const { target, after } of changes) if (target.columnKey) values[target.columnKey] = storedValue(target, after);
  return values;
}

function replaceBridge(tx: Tx, target: FieldTarget, ownerId: number, ids: unknown): void {
  const bridge = target.bridge!;
  tx.delete(bridge.owner.table).where(eq(bridge.owner, ownerId)).run();
  const list = Array.isArray(ids) ? (ids as number[]) : [];
  if (list.length > 0)
    tx.insert(bridge.owner.table)
      .values(list.map((id) => ({ [columnKey(bridge.owner)]: ownerId, [columnKey(bridge.entry)]: id })))
      .run();
}

/** The sort key columns for the record's name as it will be. */
function sortKeys(entity: ExportEntity, record: Row): Row {
  if (entity === 'partners') return { sortName: germanSortKey(String(record.name ?? '')) };
  if (entity === 'contacts')
    return { sortName: contactSortKey({ firstName: String(record.firstName ?? ''), lastName: String(record.lastName ?? '') }) };
  return {};
}

const NAME_KEYS: Record<ExportEntity, string[]> = { partners: ['name'], contacts: ['firstName', 'lastName'], tickets: [] };

export function createRecord(writer: RowWriter, changes: readonly ResolvedChange[]): WrittenRecord {
  const { tx, entity, userId, at } = writer;
  const values = columnValues(changes);
  const crm = changes.some((change) => change.target.crm);
  const row: Row = { ...values, ...sortKeys(entity, values), updatedById: userId, createdAt: at, updatedAt: at };
  if (crm) Object.assign(row, { crmUpdatedAt: at, crmUpdatedById: userId });
  if (entity === 'partners' && typeof row.gpid !== 'number') row.gpid = nextFreeGpid(tx);
  if (entity === 'tickets') {
    Object.assign(row, { number: nextTicketNumber(tx), createdById: userId });
    if (crm) Object.assign(row, { crmEnabled: true, crmActivatedAt: at });
  }
  const table = TABLES[entity];
  const created = tx
    .insert(table)
    .values(row as never)
    .returning({ id: table.id })
    .get();
  for (const change of changes) if (change.target.bridge) replaceBridge(tx, change.target, created.id, change.after);
  const crmChanges = changes.filter((change) => change.target.crm).length;
  writer.history({
    entity,
    recordId: created.id,
    changes: changes.map(({ target, after }) => ({ target, before: target.bridge ? [] : null, after })),
    enabled: entity === 'tickets' && crm ? { before: false, after: true } : undefined,
    importId: writer.importId,
    undo: false,
    at,
  });
  return {
    recordId: created.id,
    action: 'create',
    before: bridgesAfter(entity, changes) ?? null,
    version: 1,
    crmVersion: entity === 'contacts' ? null : 1,
    crmChanges,
  };
}

/** Contacts' bridge values as the import leaves them (`$after`), sorted; undefined for other entities or none. */
function bridgesAfter(entity: ExportEntity, changes: readonly ResolvedChange[]): { $after: Record<string, number[]> } | undefined {
  if (entity !== 'contacts') return undefined;
  const after: Record<string, number[]> = {};
  for (const { target, after: ids } of changes)
    if (target.bridge) after[target.key] = [...(Array.isArray(ids) ? (ids as number[]) : [])].sort((a, b) => a - b);
  return Object.keys(after).length > 0 ? { $after: after } : undefined;
}

/** The record's columns as stored now (versions, stamps, every field). */
export function readRecord(tx: Tx, entity: ExportEntity, id: number): Row | undefined {
  const table = TABLES[entity];
  return tx.select().from(table).where(eq(table.id, id)).get() as Row | undefined;
}

/**
 * Writes `changes` to the record `current`, with the stamps of the kinds changed; `restore` marks the
 * Verlauf entries as an undo. Answers the versions after and the stored values before.
 */
export function updateRecord(
  writer: RowWriter,
  current: Row,
  changes: readonly ResolvedChange[],
  options: { undo: boolean; crmEnabled?: boolean },
): Omit<WrittenRecord, 'action'> {
  const { tx, entity, userId, at } = writer;
  const id = current.id as number;
  const master = changes.some((change) => !change.target.crm);
  const crm = changes.some((change) => change.target.crm);
  const set: Row = columnValues(changes);
  if (NAME_KEYS[entity].some((key) => key in set)) Object.assign(set, sortKeys(entity, { ...current, ...set }));
  const before: Row = {};
  for (const { target, before: planned } of changes) before[target.key] = target.columnKey ? current[target.columnKey] : planned;
  Object.assign(before, bridgesAfter(entity, changes));
  let version = current.version as number;
  let crmVersion = entity === 'contacts' ? null : (current.crmVersion as number);
  if (master) {
    const stamp = saveStamp({ version }, userId);
    Object.assign(set, { ...stamp, updatedAt: at });
    version = stamp.version;
  }
  let enabled: { before: boolean; after: boolean } | undefined;
  if (crm && crmVersion !== null) {
    const stamp = crmSaveStamp({ crmVersion }, userId);
    Object.assign(set, { ...stamp, crmUpdatedAt: at });
    crmVersion = stamp.crmVersion;
  }
  if (entity === 'tickets') {
    const wasEnabled = Boolean(current.crmEnabled);
    const nowEnabled = options.crmEnabled ?? (crm ? true : wasEnabled);
    if (nowEnabled !== wasEnabled) {
      enabled = { before: wasEnabled, after: nowEnabled };
      before.$crm = { enabled: wasEnabled, activatedAt: current.crmActivatedAt instanceof Date ? current.crmActivatedAt.getTime() : null };
      set.crmEnabled = nowEnabled;
      if (nowEnabled && !current.crmActivatedAt) set.crmActivatedAt = at;
    }
  }
  const table = TABLES[entity];
  // A contact's Merkmale alone touch its bridge only (contacts have no CRM version), as the CRM form does.
  if (Object.keys(set).length > 0)
    tx.update(table)
      .set(set as never)
      .where(eq(table.id, id))
      .run();
  for (const change of changes) if (change.target.bridge) replaceBridge(tx, change.target, id, change.after);
  writer.history({ entity, recordId: id, changes, enabled, importId: writer.importId, undo: options.undo, at });
  return { recordId: id, before, version, crmVersion, crmChanges: changes.filter((change) => change.target.crm).length };
}
