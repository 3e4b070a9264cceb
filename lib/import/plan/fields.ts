// Which data-manager columns an import writes, and how (SPEC section 18). Derived from the export's
// columns (lib/data-manager/columns.ts) and, for the CRM columns, the property registry: a property
// with a stored `column` is written there (a lookup by entry name), one with a `bridge` as a set of
// entry ids; a CRM column with neither is derived (Unternehmensgröße, Phase, …) and read-only. The
// master-data columns that are not plain stored values are listed below.
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ExportEntity } from '@/db/schema';
import type { CsvColumnType } from '@/lib/csv/columns';
import { DATA_COLUMNS, type DataColumn } from '@/lib/data-manager/columns';
import { CRM_PROPERTIES, type CrmProperty } from '@/lib/crm/properties';
import type { CrmBridge } from '@/lib/crm/property-types';
import type { MessageKey } from '@/lib/i18n';
import type { LookupListKey } from '@/lib/lookups/lists';

/** How a column's cell reaches the record. */
export type ImportWrite =
  /** The record's own column; the cell read by its CSV type. */
  | { kind: 'stored' }
  /** A ticket's status: the cell is the status word (German or English), stored as its key. */
  | { kind: 'ticketStatus' }
  /** One lookup entry by name → its id in the record's column. */
  | { kind: 'lookup'; list: LookupListKey; column: SQLiteColumn }
  /** Entry names → the ids of a bridge table. */
  | { kind: 'lookups'; list: LookupListKey; bridge: CrmBridge }
  /** The record's partner (contacts, tickets): by GPID, or by name when no GPID cell is given. */
  | { kind: 'partner'; by: 'gpid' | 'name' }
  /** Ids, derived values, stamps: a mapped read-only column is ignored ("wird nicht importiert"). */
  | { kind: 'readOnly' };

export type ImportField = {
  key: string;
  label: MessageKey;
  type: CsvColumnType;
  crm: boolean;
  write: ImportWrite;
  /** A CRM column's registry entry (its form rule checks imported values). */
  property?: CrmProperty;
};

// Master-data columns that are not the record's own stored value; every other master column is stored.
const MASTER_WRITES: Record<ExportEntity, Record<string, ImportWrite>> = {
  partners: {},
  contacts: {
    id: { kind: 'readOnly' },
    partnerName: { kind: 'partner', by: 'name' },
    partnerGpid: { kind: 'partner', by: 'gpid' },
  },
  tickets: {
    // The number identifies the ticket (matching); a new ticket gets the next number.
    number: { kind: 'readOnly' },
    status: { kind: 'ticketStatus' },
    partner: { kind: 'partner', by: 'name' },
    // A contact's display name is not unique enough to choose one; the Bearbeiter is set in the app.
    contact: { kind: 'readOnly' },
    assignee: { kind: 'readOnly' },
    createdAt: { kind: 'readOnly' },
    updatedAt: { kind: 'readOnly' },
  },
};

const ENTITY_OF = { partners: 'partner', contacts: 'contact', tickets: 'ticket' } as const;

function crmProperty(entity: ExportEntity, key: string): CrmProperty | undefined {
  return (Object.values(CRM_PROPERTIES) as CrmProperty[]).find(
    (candidate) => candidate.entity === ENTITY_OF[entity] && candidate.dataManager && (candidate.field ?? '') === key,
  );
}

function crmWrite(property: CrmProperty | undefined): ImportWrite {
  if (!property) return { kind: 'readOnly' };
  if (property.bridge && property.list) return { kind: 'lookups', list: property.list, bridge: property.bridge };
  if (property.column && property.kind === 'lookup' && property.list)
    return { kind: 'lookup', list: property.list, column: property.column };
  if (property.column) return { kind: 'stored' };
  return { kind: 'readOnly' };
}

function fieldOf(entity: ExportEntity, column: DataColumn): ImportField {
  if (!column.crm) {
    const write = MASTER_WRITES[entity][column.key] ?? { kind: 'stored' };
    return { key: column.key, label: column.label, type: column.type, crm: false, write };
  }
  const property = crmProperty(entity, column.key);
  return { key: column.key, label: column.label, type: column.type, crm: true, write: crmWrite(property), property };
}

/** Every column of the entity's exports with how the import writes it, in the export's order. */
export const IMPORT_FIELDS: Readonly<Record<ExportEntity, readonly ImportField[]>> = {
  partners: DATA_COLUMNS.partners.map((column) => fieldOf('partners', column)),
  contacts: DATA_COLUMNS.contacts.map((column) => fieldOf('contacts', column)),
  tickets: DATA_COLUMNS.tickets.map((column) => fieldOf('tickets', column)),
};

export function importField(entity: ExportEntity, key: string): ImportField | undefined {
  return IMPORT_FIELDS[entity].find((field) => field.key === key);
}
