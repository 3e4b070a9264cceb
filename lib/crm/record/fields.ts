// The CRM record of a ticket or partner as the property registry declares it: one value per stored
// column (scalar properties) and the chosen ids per bridge (multi-valued ones), keyed as db/schema.ts
// names the column, and how each travels to the form, back from it and into the Verlauf. No property
// is named here: a new one with a `column` reaches the record, the form, the save and the history.
import { getTableColumns, type GetColumnData } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { partners, tickets } from '@/db/schema';
import type { LookupListKey } from '@/lib/lookups/lists';
import type { CrmFormField } from '../form-fields';
import type { CrmSnapshot } from '../history-fields';
import { CRM_PROPERTIES, type CrmPropertyKey } from '../properties';
import type { CrmBridge, CrmProperty } from '../property-types';

export type RecordEntity = 'ticket' | 'partner';
type Registry = typeof CRM_PROPERTIES;
type Columns<E extends RecordEntity> = E extends 'ticket' ? (typeof tickets)['_']['columns'] : (typeof partners)['_']['columns'];

type ScalarKey<E extends RecordEntity> = { [K in CrmPropertyKey]: Registry[K] extends { entity: E; column: SQLiteColumn } ? K : never }[CrmPropertyKey];
type BridgeKey<E extends RecordEntity> = { [K in CrmPropertyKey]: Registry[K] extends { entity: E; bridge: CrmBridge } ? K : never }[CrmPropertyKey];
type ColumnOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { column: infer C extends SQLiteColumn } ? C : never) : never;
type IdsOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { bridge: { ids: infer I extends string } } ? I : never) : never;
/** The key db/schema.ts gives the column named `N` on the entity's table. */
type ColumnKey<E extends RecordEntity, N> = { [K in keyof Columns<E>]: Columns<E>[K] extends { _: { name: N } } ? K : never }[keyof Columns<E>];

/** The stored columns of an entity's scalar CRM properties, as a select list. */
export type CrmRecordColumns<E extends RecordEntity> = { [K in ScalarKey<E> as ColumnKey<E, ColumnOf<K>['_']['name']>]: ColumnOf<K> };
/** A record's CRM values: its scalar columns and its chosen ids per bridge. */
export type CrmRecordValues<E extends RecordEntity> = { [K in ScalarKey<E> as ColumnKey<E, ColumnOf<K>['_']['name']>]: GetColumnData<ColumnOf<K>> } & {
  [K in BridgeKey<E> as IdsOf<K>]: number[];
};

type FormKey<E extends RecordEntity> = { [K in CrmPropertyKey]: Registry[K] extends { entity: E; form: CrmFormField } ? K : never }[CrmPropertyKey];
type FormOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { form: infer F extends CrmFormField } ? F : never) : never;
type KindOf<K> = K extends CrmPropertyKey ? Registry[K]['kind'] : never;
type KindValue = { lookup: number | null; lookupMulti: number[]; percent: number | null; money: number | null; integer: number | null; boolean: boolean; date: string | null; text: string; reference: string };
/** A form's values by field name, as the form shows them and its schema parses them (money in cents). */
export type CrmFormValues<E extends RecordEntity> = { [K in FormKey<E> as FormOf<K>['name']]: KindValue[KindOf<K>] };
/** A form's "new …" fields: the names typed anew. */
export type CrmFormCreated<E extends RecordEntity> = { [K in FormKey<E> as FormOf<K> extends { create: infer C extends string } ? C : never]: string[] };

/** A value of the record, by the key `recordKey` names it with. */
export type RecordValue = string | number | boolean | number[] | null;
type LooseRecord = Record<string, RecordValue>;

export type ScalarProperty = { key: CrmPropertyKey; property: CrmProperty; column: SQLiteColumn; recordKey: string };
export type BridgeProperty = { key: CrmPropertyKey; property: CrmProperty; bridge: CrmBridge };

/** The key of a column in its own table (db/schema.ts), found by the column itself. */
export function columnKey(column: SQLiteColumn): string {
  const found = Object.entries(getTableColumns(column.table)).find(([, candidate]) => candidate === column);
  if (!found) throw new Error(`column ${column.name} is not in its table`);
  return found[0];
}

const entries = Object.entries(CRM_PROPERTIES) as [CrmPropertyKey, CrmProperty][];

/** The entity's scalar CRM properties with a stored column, in registry order. */
export function scalarProperties(entity: RecordEntity): ScalarProperty[] {
  return entries.flatMap(([key, property]) => (property.entity === entity && property.column ? [{ key, property, column: property.column, recordKey: columnKey(property.column) }] : []));
}

/** The entity's multi-valued CRM properties with a bridge table, in registry order. */
export function bridgeProperties(entity: RecordEntity): BridgeProperty[] {
  return entries.flatMap(([key, property]) => (property.entity === entity && property.bridge ? [{ key, property, bridge: property.bridge }] : []));
}

/** The select list of the entity's scalar CRM columns. */
export function crmRecordColumns<E extends RecordEntity>(entity: E): CrmRecordColumns<E> {
  return Object.fromEntries(scalarProperties(entity).map(({ recordKey, column }) => [recordKey, column])) as CrmRecordColumns<E>;
}

/** The record's value of a form field (a scalar column or a bridge's ids). */
function recordValueOf(entity: RecordEntity, record: object, form: CrmFormField): RecordValue | undefined {
  const values = record as LooseRecord;
  for (const scalar of scalarProperties(entity)) if (scalar.property.form?.name === form.name) return values[scalar.recordKey];
  for (const { property, bridge } of bridgeProperties(entity)) if (property.form?.name === form.name) return values[bridge.ids];
  return undefined;
}

/** What the entity's CRM form shows, by form field name. */
export function formValues<E extends RecordEntity>(entity: E, record: CrmRecordValues<E>): CrmFormValues<E> {
  const values: Record<string, RecordValue> = {};
  for (const { property } of [...scalarProperties(entity), ...bridgeProperties(entity)]) {
    const value = property.form ? recordValueOf(entity, record, property.form) : undefined;
    if (property.form && value !== undefined) values[property.form.name] = value;
  }
  return values as CrmFormValues<E>;
}

/** The record's new values from a parsed form: its columns from their fields, its bridges' ids plus `created` ones. */
export function valuesFromForm(entity: RecordEntity, input: object, created: Partial<Record<string, number[]>>): LooseRecord {
  const form = input as LooseRecord;
  const values: LooseRecord = {};
  for (const { property, recordKey } of scalarProperties(entity)) if (property.form) values[recordKey] = form[property.form.name];
  for (const { property, bridge } of bridgeProperties(entity)) {
    if (!property.form) continue;
    const chosen = form[property.form.name] as number[];
    const extra = property.form.control === 'checkboxes' && property.form.create ? (created[property.form.create] ?? []) : [];
    values[bridge.ids] = [...new Set([...chosen, ...extra])];
  }
  return values;
}

/** The columns a form save writes: the scalar values of `values`. */
export function savedColumns(entity: RecordEntity, values: LooseRecord): LooseRecord {
  return Object.fromEntries(scalarProperties(entity).filter(({ property }) => property.form).map(({ recordKey }) => [recordKey, values[recordKey]]));
}

/** A lookup choice of the form: its field, its list and its ids now and as chosen. */
export type LookupChoice = { field: string; list: LookupListKey; current: number[]; chosen: number[] };

const idsOf = (value: RecordValue | undefined): number[] => (Array.isArray(value) ? value : typeof value === 'number' ? [value] : []);

/** The form's lookup choices (single and multiple), to be checked against their lists. */
export function lookupChoices(entity: RecordEntity, current: object, input: object): LookupChoice[] {
  const now = current as LooseRecord;
  const sent = input as LooseRecord;
  const single = scalarProperties(entity).map(({ property, recordKey }) => ({ property, currentKey: recordKey }));
  const multi = bridgeProperties(entity).map(({ property, bridge }) => ({ property, currentKey: bridge.ids }));
  return [...single, ...multi].flatMap(({ property, currentKey }) =>
    property.form && property.list ? [{ field: property.form.name, list: property.list, current: idsOf(now[currentKey]), chosen: idsOf(sent[property.form.name]) }] : [],
  );
}

/** The lists new entries may be typed into, with their form field. */
export function creatableLists(entity: RecordEntity): { field: 'newCampaigns' | 'newProducts'; list: LookupListKey }[] {
  return bridgeProperties(entity).flatMap(({ property }) =>
    property.form?.control === 'checkboxes' && property.form.create && property.list ? [{ field: property.form.create, list: property.list }] : [],
  );
}

/** Names of lookup entries for the Verlauf (entryNames, within the writing transaction). */
export type EntryNames = (list: LookupListKey, ids: readonly number[]) => string | null;

/** A property's value as Verlauf text: entry names for lookups, digits for numbers, "true"/"false", texts as typed, null when empty. */
function historyText(property: CrmProperty, value: RecordValue | undefined, names: EntryNames): string | null {
  if (value === undefined || value === null) return null;
  if (property.list && (property.kind === 'lookup' || property.kind === 'lookupMulti')) return names(property.list, idsOf(value));
  if (typeof value === 'string') return value === '' ? null : value;
  return String(value);
}

/** The record's Verlauf snapshot: every property with `history`, by its stored field name, in registry order. */
export function historySnapshot<E extends RecordEntity>(entity: E, record: object, names: EntryNames): CrmSnapshot<E> {
  const values = record as LooseRecord;
  const snapshot: Record<string, string | null> = {};
  const keyed = [
    ...scalarProperties(entity).map(({ key, property, recordKey }) => ({ key, property, valueKey: recordKey })),
    ...bridgeProperties(entity).map(({ key, property, bridge }) => ({ key, property, valueKey: bridge.ids })),
  ];
  for (const [key] of entries) {
    const item = keyed.find((candidate) => candidate.key === key);
    if (item?.property.history && item.property.field) snapshot[item.property.field] = historyText(item.property, values[item.valueKey], names);
  }
  return snapshot as CrmSnapshot<E>;
}
