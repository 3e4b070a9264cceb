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

type ScalarKey<E extends RecordEntity> = {
  [K in CrmPropertyKey]: Registry[K] extends { entity: E; column: SQLiteColumn } ? K : never;
}[CrmPropertyKey];
type BridgeKey<E extends RecordEntity> = {
  [K in CrmPropertyKey]: Registry[K] extends { entity: E; bridge: CrmBridge } ? K : never;
}[CrmPropertyKey];
type ColumnOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { column: infer C extends SQLiteColumn } ? C : never) : never;
type IdsOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { bridge: { ids: infer I extends string } } ? I : never) : never;
/** The key db/schema.ts gives the column named `N` on the entity's table. */
type ColumnKey<E extends RecordEntity, N> = {
  [K in keyof Columns<E>]: Columns<E>[K] extends { _: { name: N } } ? K : never;
}[keyof Columns<E>];

/** The stored columns of an entity's scalar CRM properties, as a select list. */
export type CrmRecordColumns<E extends RecordEntity> = { [K in ScalarKey<E> as ColumnKey<E, ColumnOf<K>['_']['name']>]: ColumnOf<K> };
/** A record's CRM values: its scalar columns and its chosen ids per bridge. */
export type CrmRecordValues<E extends RecordEntity> = {
  [K in ScalarKey<E> as ColumnKey<E, ColumnOf<K>['_']['name']>]: GetColumnData<ColumnOf<K>>;
} & {
  [K in BridgeKey<E> as IdsOf<K>]: number[];
};

type FormKey<E extends RecordEntity> = {
  [K in CrmPropertyKey]: Registry[K] extends { entity: E; form: CrmFormField } ? K : never;
}[CrmPropertyKey];
type FormOf<K> = K extends CrmPropertyKey ? (Registry[K] extends { form: infer F extends CrmFormField } ? F : never) : never;
type KindOf<K> = K extends CrmPropertyKey ? Registry[K]['kind'] : never;
type KindValue = {
  lookup: number | null;
  lookupMulti: number[];
  percent: number | null;
  money: number | null;
  integer: number | null;
  boolean: boolean;
  date: string | null;
  dateTime: string | null;
  text: string;
  reference: string;
};
/** A form's values by field name, as the form shows them and its schema parses them (money in cents). */
export type CrmFormValues<E extends RecordEntity> = { [K in FormKey<E> as FormOf<K>['name']]: KindValue[KindOf<K>] };
/** A form's "new …" fields: the names typed anew. */
export type CrmFormCreated<E extends RecordEntity> = {
  [K in FormKey<E> as FormOf<K> extends { create: infer C extends string } ? C : never]: string[];
};

/** A value of the record: an id, a number (money in cents), a flag, a text, a date (YYYY-MM-DD) or chosen ids. */
export type RecordValue = string | number | boolean | number[] | null;
type LooseRecord = Record<string, RecordValue>;

/** A property of the record: where it is stored, and the record's key for its value (`valueKey`). */
type RecordProperty = { key: CrmPropertyKey; property: CrmProperty; valueKey: string } & (
  { column: SQLiteColumn; bridge?: never } | { bridge: CrmBridge; column?: never }
);
type ScalarProperty = RecordProperty & { column: SQLiteColumn };
type BridgeProperty = RecordProperty & { bridge: CrmBridge };

/** The key of a column in its own table (db/schema.ts), found by the column itself. */
export function columnKey(column: SQLiteColumn): string {
  const found = Object.entries(getTableColumns(column.table)).find(([, candidate]) => candidate === column);
  if (!found) throw new Error(`column ${column.name} is not in its table`);
  return found[0];
}

function declaredRecord(entity: RecordEntity): RecordProperty[] {
  return (Object.entries(CRM_PROPERTIES) as [CrmPropertyKey, CrmProperty][]).flatMap(([key, property]): RecordProperty[] => {
    if (property.entity !== entity) return [];
    if (property.column) return [{ key, property, column: property.column, valueKey: columnKey(property.column) }];
    if (property.bridge) return [{ key, property, bridge: property.bridge, valueKey: property.bridge.ids }];
    return [];
  });
}

const RECORD: Record<RecordEntity, RecordProperty[]> = { ticket: declaredRecord('ticket'), partner: declaredRecord('partner') };

/** The entity's scalar CRM properties with a stored column, in registry order. */
export function scalarProperties(entity: RecordEntity): ScalarProperty[] {
  return RECORD[entity].filter((item): item is ScalarProperty => item.column !== undefined);
}

/** The entity's multi-valued CRM properties with a bridge table, in registry order. */
export function bridgeProperties(entity: RecordEntity): BridgeProperty[] {
  return RECORD[entity].filter((item): item is BridgeProperty => item.bridge !== undefined);
}

/** The select list of the entity's scalar CRM columns. */
export function crmRecordColumns<E extends RecordEntity>(entity: E): CrmRecordColumns<E> {
  return Object.fromEntries(scalarProperties(entity).map(({ valueKey, column }) => [valueKey, column])) as CrmRecordColumns<E>;
}

/** What the entity's CRM form shows, by form field name. */
export function formValues<E extends RecordEntity>(entity: E, record: CrmRecordValues<E>): CrmFormValues<E> {
  const values = record as unknown as LooseRecord;
  return Object.fromEntries(
    RECORD[entity].flatMap(({ property, valueKey }) => (property.form ? [[property.form.name, values[valueKey]]] : [])),
  ) as CrmFormValues<E>;
}

/** The record's new values from a parsed form: its columns from their fields, its bridges' ids plus the `created` ones. */
export function valuesFromForm(entity: RecordEntity, input: object, created: Partial<Record<string, number[]>>): LooseRecord {
  const form = input as LooseRecord;
  const values: LooseRecord = {};
  for (const { property, valueKey, bridge } of RECORD[entity]) {
    if (!property.form) continue;
    const sent = form[property.form.name];
    const extra = property.form.control === 'checkboxes' && property.form.create ? (created[property.form.create] ?? []) : [];
    if (property.form.control === 'dateTime') values[valueKey] = joinDateTime(sent, form[`${property.form.name}Time`]);
    else values[valueKey] = bridge ? [...new Set([...(sent as number[]), ...extra])] : sent;
  }
  return values;
}

/** A date and time field's value: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` with a time, null without a day. */
function joinDateTime(date: RecordValue | undefined, time: RecordValue | undefined): string | null {
  if (typeof date !== 'string' || date === '') return null;
  return typeof time === 'string' && time !== '' ? `${date}T${time}` : date;
}

/** The columns a form save writes: the scalar values of `values`. */
export function savedColumns(entity: RecordEntity, values: LooseRecord): LooseRecord {
  return Object.fromEntries(
    scalarProperties(entity).flatMap(({ property, valueKey }) => (property.form ? [[valueKey, values[valueKey]]] : [])),
  );
}

/** A lookup choice of the form: its field, its list and its ids now and as chosen. */
type LookupChoice = { field: string; list: LookupListKey; current: number[]; chosen: number[] };

const idsOf = (value: RecordValue | undefined): number[] => (Array.isArray(value) ? value : typeof value === 'number' ? [value] : []);

/** The form's lookup choices (single and multiple), to be checked against their lists. */
export function lookupChoices(entity: RecordEntity, current: object, input: object): LookupChoice[] {
  const now = current as LooseRecord;
  const sent = input as LooseRecord;
  return RECORD[entity].flatMap(({ property, valueKey }) =>
    property.form && property.list
      ? [{ field: property.form.name, list: property.list, current: idsOf(now[valueKey]), chosen: idsOf(sent[property.form.name]) }]
      : [],
  );
}

/** The lists new entries may be typed into, with their form field. */
export function creatableLists(entity: RecordEntity): { field: 'newCampaigns' | 'newProducts'; list: LookupListKey }[] {
  return bridgeProperties(entity).flatMap(({ property }) =>
    property.form?.control === 'checkboxes' && property.form.create && property.list
      ? [{ field: property.form.create, list: property.list }]
      : [],
  );
}

/** Names of lookup entries for the Verlauf (entryNames, within the writing transaction). */
type EntryNames = (list: LookupListKey, ids: readonly number[]) => string | null;

/** A property's value as Verlauf text: entry names for lookups, digits for numbers, "true"/"false", texts and dates as typed, null when empty. */
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
  for (const { property, valueKey } of RECORD[entity])
    if (property.history && property.field) snapshot[property.field] = historyText(property, values[valueKey], names);
  return snapshot as CrmSnapshot<E>;
}
