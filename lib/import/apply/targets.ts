// Where an import writes each planned field (SPEC section 18): the record's column (by its key in
// db/schema.ts, for insert and update objects) or a bridge table, and whether it is CRM data (CRM
// version and stamp, Verlauf) or master data (version and stamp). Derived from IMPORT_FIELDS.
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { contacts, partners, tickets, type ExportEntity } from '@/db/schema';
import type { CrmBridge, CrmProperty } from '@/lib/crm/property-types';
import { columnKey } from '@/lib/crm/record/fields';
import type { LookupListKey } from '@/lib/lookups/lists';
import { IMPORT_FIELDS } from '../plan/fields';

export type RecordTable = typeof partners | typeof contacts | typeof tickets;

export const TABLES: Readonly<Record<ExportEntity, RecordTable>> = { partners, contacts, tickets };

/** How one planned field key is written. */
export type FieldTarget = {
  key: string;
  crm: boolean;
  /** The Verlauf's field (CRM properties with `history` on tickets and partners). */
  history?: CrmProperty;
  /** The list its ids name (lookup, lookups). */
  list?: LookupListKey;
} & ({ column: SQLiteColumn; columnKey: string; bridge?: never } | { bridge: CrmBridge; column?: never; columnKey?: never });

/** The record's own column for a master-data field stored under the same key. */
function ownColumn(table: SQLiteTable, key: string): SQLiteColumn {
  const column = (getTableColumns(table) as Record<string, SQLiteColumn>)[key];
  if (!column) throw new Error(`import: no column ${key}`);
  return column;
}

function targetsOf(entity: ExportEntity): Map<string, FieldTarget> {
  const table = TABLES[entity];
  const targets = new Map<string, FieldTarget>();
  for (const field of IMPORT_FIELDS[entity]) {
    const write = field.write;
    const history = field.property?.history && entity !== 'contacts' ? field.property : undefined;
    const base = { key: field.key, crm: field.crm, history };
    const scalar = (column: SQLiteColumn, list?: LookupListKey): FieldTarget => ({ ...base, column, columnKey: columnKey(column), list });
    switch (write.kind) {
      case 'readOnly':
        break;
      case 'stored':
        targets.set(field.key, scalar(field.property?.column ?? ownColumn(table, field.key)));
        break;
      case 'ticketStatus':
        targets.set(field.key, scalar(tickets.status));
        break;
      case 'lookup':
        targets.set(field.key, scalar(write.column, write.list));
        break;
      case 'lookups':
        targets.set(field.key, { ...base, bridge: write.bridge, list: write.list });
        break;
      case 'partner':
        targets.set(field.key, scalar(entity === 'contacts' ? contacts.partnerId : tickets.partnerId));
        break;
    }
  }
  return targets;
}

export const FIELD_TARGETS: Readonly<Record<ExportEntity, ReadonlyMap<string, FieldTarget>>> = {
  partners: targetsOf('partners'),
  contacts: targetsOf('contacts'),
  tickets: targetsOf('tickets'),
};

/**
 * A planned value as the column stores it: the plan's empty text cell of a not-null text column is
 * '', of a not-null flag false; everything else as planned (cents, ids, `YYYY-MM-DD`).
 */
export function storedValue(target: FieldTarget, value: unknown): unknown {
  if (value !== null && value !== undefined) return value;
  const column = target.column;
  if (!column?.notNull) return null;
  if (column.dataType === 'boolean') return false;
  if (column.dataType === 'string') return '';
  return null;
}
