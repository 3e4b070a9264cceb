// The CRM field registry: every CRM property of a ticket or partner, declared once with its key,
// label, value kind and lookup list. Forms, the history ("Verlauf") and later the dashboard,
// query editor and exports read these declarations.
import type { CrmEntity } from '@/db/schema';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';
import type { LookupListKey } from '@/lib/lookups/lists';

/** How a value is stored in the history and shown: history values are text. */
export type CrmValueKind = 'lookup' | 'lookupMulti' | 'percent' | 'money' | 'integer' | 'boolean' | 'text';

export type CrmField = {
  key: string;
  entity: CrmEntity;
  label: MessageKey;
  kind: CrmValueKind;
  list?: LookupListKey;
};

function field<const K extends string>(key: K, entity: CrmEntity, label: MessageKey, kind: CrmValueKind, list?: LookupListKey) {
  return { key, entity, label, kind, list } satisfies CrmField;
}

export const TICKET_CRM_FIELDS = [
  field('crmEnabled', 'ticket', 'crm.field.crmEnabled', 'boolean'),
  field('crmStatus', 'ticket', 'crm.field.crmStatus', 'lookup', 'crmTicketStatuses'),
  field('probability', 'ticket', 'crm.field.probability', 'percent'),
  field('potential', 'ticket', 'crm.field.potential', 'money'),
  field('campaigns', 'ticket', 'crm.field.campaigns', 'lookupMulti', 'campaigns'),
  field('products', 'ticket', 'crm.field.products', 'lookupMulti', 'products'),
  field('expectedUsers', 'ticket', 'crm.field.expectedUsers', 'integer'),
] as const;

export const PARTNER_CRM_FIELDS = [
  field('partnerStatus', 'partner', 'crm.field.partnerStatus', 'lookup', 'crmPartnerStatuses'),
  field('companyGroup', 'partner', 'crm.field.companyGroup', 'lookup', 'companyGroups'),
  field('campaigns', 'partner', 'crm.field.campaigns', 'lookupMulti', 'campaigns'),
  field('products', 'partner', 'crm.field.products', 'lookupMulti', 'products'),
  field('newsletter', 'partner', 'crm.field.newsletter', 'boolean'),
  field('revenueGroup', 'partner', 'crm.field.revenueGroup', 'lookup', 'revenueGroups'),
  field('employeeCount', 'partner', 'crm.field.employeeCount', 'integer'),
  field('dataSource', 'partner', 'crm.field.dataSource', 'lookup', 'dataSources'),
  field('isProspect', 'partner', 'crm.field.isProspect', 'boolean'),
  field('comment1', 'partner', 'crm.field.comment1', 'text'),
  field('comment2', 'partner', 'crm.field.comment2', 'text'),
  field('comment3', 'partner', 'crm.field.comment3', 'text'),
  field('comment4', 'partner', 'crm.field.comment4', 'text'),
  field('attributes', 'partner', 'crm.field.attributes', 'lookupMulti', 'attributes'),
] as const;

export type TicketCrmFieldKey = (typeof TICKET_CRM_FIELDS)[number]['key'];
export type PartnerCrmFieldKey = (typeof PARTNER_CRM_FIELDS)[number]['key'];

const byEntity: Record<CrmEntity, readonly CrmField[]> = { ticket: TICKET_CRM_FIELDS, partner: PARTNER_CRM_FIELDS };

export function crmField(entity: CrmEntity, key: string): CrmField | undefined {
  return byEntity[entity].find((candidate) => candidate.key === key);
}

/** A stored history value in the reader's language: amounts, percentages, yes/no. */
export function formatCrmValue(crmFieldOrUndefined: CrmField | undefined, value: string | null, t: Translate, format: Formatter): string {
  if (value === null || value === '') return '—';
  switch (crmFieldOrUndefined?.kind) {
    case 'money':
      return Number.isFinite(Number(value)) ? format.money(Number(value)) : value;
    case 'percent':
      return Number.isFinite(Number(value)) ? format.percent(Number(value)) : value;
    case 'integer':
      return Number.isFinite(Number(value)) ? format.integer(Number(value)) : value;
    case 'boolean':
      return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    default:
      return value;
  }
}
