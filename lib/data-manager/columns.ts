// The data manager's column registry (SPEC section 10): every exportable column of partners, contacts
// and tickets, declared once with its URL key, label, CSV type, whether it is CRM data, and the SQL
// that reads it. The page's checkboxes, the export route, the preview and the templates read this list.
// The SQL fragments are fixed text chosen by key from this allowlist; no request value ever enters them.
import { sql, type SQL } from 'drizzle-orm';
import { EXPORT_ENTITIES, type ExportEntity } from '@/db/schema';
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

function column(key: string, label: MessageKey, type: CsvColumnType, crm: boolean, expression: string, present?: DataColumn['present']): DataColumn {
  return { key, label, type, crm, expression: sql.raw(expression), present };
}

/** The names of a many-to-many list, joined with `, ` in the lookup list's admin order. */
function namesOf(bridge: string, ownerColumn: string, ownerId: string, lookupTable: string, lookupColumn: string): string {
  return `(select group_concat(l.name, ', ' order by l.position, l.id) from ${bridge} b join ${lookupTable} l on l.id = b.${lookupColumn} where b.${ownerColumn} = ${ownerId})`;
}

function lookupName(table: string, id: string): string {
  return `(select l.name from ${table} l where l.id = ${id})`;
}

/** Gruppierte Unternehmensgröße, derived at read time like `companySizeFor`: the first range in admin order. */
const COMPANY_SIZE = `(select s.name from company_sizes s where partners.employee_count is not null and s.min_employees <= partners.employee_count
  and (s.max_employees is null or s.max_employees >= partners.employee_count) order by s.position, s.id limit 1)`;

const PARTNER_COLUMNS: DataColumn[] = [
  column('gpid', 'dataManager.col.gpid', 'integer', false, 'partners.gpid'),
  column('name', 'dataManager.col.name', 'text', false, 'partners.name'),
  column('name2', 'dataManager.col.name2', 'text', false, 'partners.name2'),
  column('searchName', 'dataManager.col.searchName', 'text', false, 'partners.search_name'),
  column('street', 'dataManager.col.street', 'text', false, 'partners.street'),
  column('postcode', 'dataManager.col.postcode', 'text', false, 'partners.postcode'),
  column('city', 'dataManager.col.city', 'text', false, 'partners.city'),
  column('country', 'dataManager.col.country', 'text', false, 'partners.country'),
  column('phone', 'dataManager.col.phone', 'text', false, 'partners.phone'),
  column('email', 'dataManager.col.email', 'text', false, 'partners.email'),
  column('website', 'dataManager.col.website', 'text', false, 'partners.website'),
  column('partnerStatus', 'crm.field.partnerStatus', 'text', true, lookupName('crm_partner_statuses', 'partners.crm_partner_status_id')),
  column('companyGroup', 'crm.field.companyGroup', 'text', true, lookupName('company_groups', 'partners.company_group_id')),
  column('campaigns', 'crm.field.campaigns', 'text', true, namesOf('partner_campaigns', 'partner_id', 'partners.id', 'campaigns', 'campaign_id')),
  column('products', 'crm.field.products', 'text', true, namesOf('partner_products', 'partner_id', 'partners.id', 'products', 'product_id')),
  column('newsletter', 'crm.field.newsletter', 'boolean', true, 'partners.newsletter'),
  column('revenueGroup', 'crm.field.revenueGroup', 'text', true, lookupName('revenue_groups', 'partners.revenue_group_id')),
  column('employeeCount', 'crm.field.employeeCount', 'integer', true, 'partners.employee_count'),
  column('companySize', 'crm.field.companySize', 'text', true, COMPANY_SIZE),
  column('dataSource', 'crm.field.dataSource', 'text', true, lookupName('data_sources', 'partners.data_source_id')),
  column('isProspect', 'crm.field.isProspect', 'boolean', true, 'partners.is_prospect'),
  column('comment1', 'crm.field.comment1', 'text', true, 'partners.comment1'),
  column('comment2', 'crm.field.comment2', 'text', true, 'partners.comment2'),
  column('comment3', 'crm.field.comment3', 'text', true, 'partners.comment3'),
  column('comment4', 'crm.field.comment4', 'text', true, 'partners.comment4'),
  column('attributes', 'crm.field.attributes', 'text', true, namesOf('partner_attributes', 'partner_id', 'partners.id', 'attributes', 'attribute_id')),
];

// Contacts are read with their partner joined as `p`.
const CONTACT_COLUMNS: DataColumn[] = [
  column('id', 'dataManager.col.id', 'integer', false, 'contacts.id'),
  column('partnerName', 'dataManager.col.partnerName', 'text', false, 'p.name'),
  column('partnerGpid', 'dataManager.col.partnerGpid', 'integer', false, 'p.gpid'),
  column('salutation', 'dataManager.col.salutation', 'text', false, 'contacts.salutation'),
  column('firstName', 'dataManager.col.firstName', 'text', false, 'contacts.first_name'),
  column('lastName', 'dataManager.col.lastName', 'text', false, 'contacts.last_name'),
  column('email', 'dataManager.col.email', 'text', false, 'contacts.email'),
  column('phone', 'dataManager.col.phone', 'text', false, 'contacts.phone'),
  column('position', 'dataManager.col.position', 'text', false, 'contacts.position'),
  column('attributes', 'crm.field.attributes', 'text', true, namesOf('contact_attributes', 'contact_id', 'contacts.id', 'attributes', 'attribute_id')),
];

// Tickets are read with `contacts` (as the ticket list's WHERE needs it), the ticket's own partner `p`,
// the contact's partner `cp` and the assignee `u` joined.
const TICKET_COLUMNS: DataColumn[] = [
  column('number', 'dataManager.col.number', 'text', false, 'tickets.number'),
  column('title', 'dataManager.col.title', 'text', false, 'tickets.title'),
  column('status', 'dataManager.col.status', 'text', false, 'tickets.status', (value, t) => t(`ticketStatus.${value as 'open'}`)),
  column('partner', 'dataManager.col.partner', 'text', false, 'coalesce(p.name, cp.name)'),
  column('contact', 'dataManager.col.contact', 'text', false, `case when contacts.id is null then null else trim(contacts.first_name || ' ' || contacts.last_name) end`),
  column('assignee', 'dataManager.col.assignee', 'text', false, 'u.name'),
  // Timestamps stay UTC milliseconds as SQLite keeps them; the datetime columns format them.
  column('createdAt', 'dataManager.col.createdAt', 'datetime', false, 'tickets.created_at'),
  column('updatedAt', 'dataManager.col.updatedAt', 'datetime', false, 'tickets.updated_at'),
  column('crmEnabled', 'crm.field.crmEnabled', 'boolean', true, 'tickets.crm_enabled'),
  column('crmStatus', 'crm.field.crmStatus', 'text', true, lookupName('crm_ticket_statuses', 'tickets.crm_status_id')),
  column('probability', 'crm.field.probability', 'percent', true, 'tickets.probability'),
  column('potential', 'crm.field.potential', 'money', true, 'tickets.potential_cents'),
  column('campaigns', 'crm.field.campaigns', 'text', true, namesOf('ticket_campaigns', 'ticket_id', 'tickets.id', 'campaigns', 'campaign_id')),
  column('products', 'crm.field.products', 'text', true, namesOf('ticket_products', 'ticket_id', 'tickets.id', 'products', 'product_id')),
  column('expectedUsers', 'crm.field.expectedUsers', 'integer', true, 'tickets.expected_users'),
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
