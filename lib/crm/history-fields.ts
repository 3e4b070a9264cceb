// The Verlauf's view of the CRM property registry: which fields a record's history holds (typed, so
// a snapshot with a wrong key is a type error), their labels, and how a stored value reads.
import type { CrmEntity } from '@/db/schema';
import type { Formatter, Translate } from '@/lib/i18n';
import { CRM_PROPERTIES, type CrmProperty, type CrmPropertyKey } from './properties';

type Registry = typeof CRM_PROPERTIES;

/** The Verlauf's field names of an entity: the `field` of its properties with `history`. */
export type HistoryField<E extends CrmEntity> = {
  [K in CrmPropertyKey]: Registry[K] extends { entity: E; history: true; field: infer F extends string } ? F : never;
}[CrmPropertyKey];

/** A record's CRM values as history text: names for lookups (joined with ", "), numbers as digits. */
export type CrmSnapshot<E extends CrmEntity> = Partial<Record<HistoryField<E>, string | null>>;

/** The property behind a stored history entry; undefined for a field no longer declared. */
export function historyProperty(entity: CrmEntity, field: string): CrmProperty | undefined {
  return Object.values(CRM_PROPERTIES).find(
    (property: CrmProperty) => property.entity === entity && property.history === true && property.field === field,
  );
}

/** A stored history value in the reader's language: amounts, percentages, numbers, dates, yes/no. */
export function formatCrmValue(property: CrmProperty | undefined, value: string | null, t: Translate, format: Formatter): string {
  if (value === null || value === '') return '—';
  switch (property?.kind) {
    case 'money':
      return Number.isFinite(Number(value)) ? format.money(Number(value)) : value;
    case 'percent':
      return Number.isFinite(Number(value)) ? format.percent(Number(value)) : value;
    case 'integer':
      return Number.isFinite(Number(value)) ? format.integer(Number(value)) : value;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.calendarDate(value) : value;
    case 'dateTime':
      return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(value) ? format.wallDateTime(value) : value;
    case 'boolean':
      return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    default:
      return value;
  }
}
