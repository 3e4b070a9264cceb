// The data manager's columns (SPEC section 10): every exportable column of partners, contacts and
// tickets with its URL key, label, CSV type, whether it is CRM data, and the SQL that reads it. The
// CRM columns come from the CRM property registry (lib/crm/properties.ts); the master data is listed
// here, from the schema's columns. The page's checkboxes, the export route, the preview and the
// templates read these lists; a request chooses columns by key, never SQL.
import { sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { contacts, EXPORT_ENTITIES, partners, tickets, users, type ExportEntity } from '@/db/schema';
import { propertiesOf, type PropertyEntity } from '@/lib/crm/properties';
import { contactDisplayName } from '@/lib/parties/names';
import type { CsvColumnType } from '@/lib/csv/columns';
import type { MessageKey, Translate } from '@/lib/i18n';

export type DataColumn = {
  /** The value in `columns=` and in saved templates. */
  key: string;
  label: MessageKey;
  type: CsvColumnType;
  /** CRM data: only for users with the `crm` role (SPEC section 1). */
  crm: boolean;
  /** Reads the raw value; the entity's base table is in scope under its own name. */
  expression: SQL;
  /** Turns a stored value into the cell value (a status key into its translated name). */
  present?: (value: unknown, t: Translate) => unknown;
};

function column(
  key: string,
  label: MessageKey,
  type: CsvColumnType,
  expression: SQL | SQLiteColumn,
  present?: DataColumn['present'],
): DataColumn {
  return { key, label, type, crm: false, expression: sql`${expression}`, present };
}

/** The entity's CRM columns, from the property registry in its order: key = the property's field name. */
function crmColumns(entity: PropertyEntity): DataColumn[] {
  return propertiesOf(entity, 'dataManager').map(([key, property]) => {
    const exported = property.dataManager!;
    return {
      key: property.field ?? key,
      label: property.label,
      type: exported.type,
      crm: true,
      expression: exported.value,
      present: exported.present,
    };
  });
}

/** The partner of contacts and tickets, joined as `p` (see FROM in queries.ts). */
export const joinedPartner = alias(partners, 'p');
/** The Bearbeiter of tickets, joined as `u`. */
export const joinedAssignee = alias(users, 'u');

const PARTNER_COLUMNS: DataColumn[] = [
  column('gpid', 'dataManager.col.gpid', 'integer', partners.gpid),
  column('name', 'dataManager.col.name', 'text', partners.name),
  column('name2', 'dataManager.col.name2', 'text', partners.name2),
  column('searchName', 'dataManager.col.searchName', 'text', partners.searchName),
  column('street', 'dataManager.col.street', 'text', partners.street),
  column('postcode', 'dataManager.col.postcode', 'text', partners.postcode),
  column('city', 'dataManager.col.city', 'text', partners.city),
  column('country', 'dataManager.col.country', 'text', partners.country),
  column('phone', 'dataManager.col.phone', 'text', partners.phone),
  column('email', 'dataManager.col.email', 'text', partners.email),
  column('website', 'dataManager.col.website', 'text', partners.website),
  ...crmColumns('partner'),
];

const CONTACT_COLUMNS: DataColumn[] = [
  column('id', 'dataManager.col.id', 'integer', contacts.id),
  column('partnerName', 'dataManager.col.partnerName', 'text', joinedPartner.name),
  column('partnerGpid', 'dataManager.col.partnerGpid', 'integer', joinedPartner.gpid),
  column('salutation', 'dataManager.col.salutation', 'text', contacts.salutation),
  column('firstName', 'dataManager.col.firstName', 'text', contacts.firstName),
  column('lastName', 'dataManager.col.lastName', 'text', contacts.lastName),
  column('email', 'dataManager.col.email', 'text', contacts.email),
  column('phone', 'dataManager.col.phone', 'text', contacts.phone),
  column('position', 'dataManager.col.position', 'text', contacts.position),
  ...crmColumns('contact'),
];

// Tickets are read with their contact, their partner (lib/parties/names.ts: their own, else their
// contact's) as `p` and their Bearbeiter as `u` joined.
const TICKET_COLUMNS: DataColumn[] = [
  column('number', 'dataManager.col.number', 'text', tickets.number),
  column('title', 'dataManager.col.title', 'text', tickets.title),
  column('status', 'dataManager.col.status', 'text', tickets.status, (value, t) => t(`ticketStatus.${value as 'open'}`)),
  column('partner', 'dataManager.col.partner', 'text', joinedPartner.name),
  column('contact', 'dataManager.col.contact', 'text', sql`case when ${contacts.id} is null then null else ${contactDisplayName} end`),
  column('assignee', 'dataManager.col.assignee', 'text', joinedAssignee.name),
  // Timestamps stay UTC milliseconds as SQLite keeps them; the datetime columns format them.
  column('createdAt', 'dataManager.col.createdAt', 'datetime', tickets.createdAt),
  column('updatedAt', 'dataManager.col.updatedAt', 'datetime', tickets.updatedAt),
  ...crmColumns('ticket'),
];

export const DATA_COLUMNS: Readonly<Record<ExportEntity, readonly DataColumn[]>> = {
  partners: PARTNER_COLUMNS,
  contacts: CONTACT_COLUMNS,
  tickets: TICKET_COLUMNS,
};

/** The entity's label key, for tabs and headings. */
export const ENTITY_LABELS: Readonly<Record<ExportEntity, MessageKey>> = {
  partners: 'dataManager.entity.partners',
  contacts: 'dataManager.entity.contacts',
  tickets: 'dataManager.entity.tickets',
};

export function isExportEntity(value: unknown): value is ExportEntity {
  return EXPORT_ENTITIES.some((entity) => entity === value);
}

export function findDataColumn(entity: ExportEntity, key: string): DataColumn | undefined {
  return DATA_COLUMNS[entity].find((candidate) => candidate.key === key);
}

/** Every column the user may see, in registry order: the default of an export without `columns`. */
export function visibleColumns(entity: ExportEntity, withCrm: boolean): DataColumn[] {
  return DATA_COLUMNS[entity].filter((candidate) => withCrm || !candidate.crm);
}
