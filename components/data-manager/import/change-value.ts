// A planned value as the user reads it: money, dates and percentages formatted, ids of lookup entries and
// partners by name (an entry the import would create as "neu: Name"), booleans as Ja/Nein.
import type { ExportEntity } from '@/db/schema';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';
import { importField } from '@/lib/import/plan/fields';
import type { PlanNames } from '@/lib/import/plan/names';

const EMPTY = '—';

function nameOf(names: ReadonlyMap<number, string> | undefined, id: number, t: Translate): string {
  const name = names?.get(id);
  if (name === undefined) return `#${id}`;
  return id < 0 ? t('import.ui.newName', { name }) : name;
}

export function formatPlannedValue(
  entity: ExportEntity,
  key: string,
  value: unknown,
  names: PlanNames,
  t: Translate,
  format: Formatter,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const field = importField(entity, key);
  if (!field) return String(value);
  const write = field.write;
  if (write.kind === 'lookup' || write.kind === 'lookups' || write.kind === 'partner') {
    const ids = [value].flat().filter((id): id is number => typeof id === 'number');
    return ids.length ? ids.map((id) => nameOf(names[key], id, t)).join(', ') : EMPTY;
  }
  if (write.kind === 'ticketStatus') return t(`ticketStatus.${String(value)}` as MessageKey);
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? format.money(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? format.percent(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? format.integer(value) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.calendarDate(value) : String(value);
    case 'datetime':
      return typeof value === 'number' || value instanceof Date ? format.dateTime(new Date(value)) : String(value);
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    default:
      return String(value);
  }
}

export function fieldLabel(entity: ExportEntity, key: string, t: Translate): string {
  const field = importField(entity, key);
  return field ? t(field.label) : key;
}
