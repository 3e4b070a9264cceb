// What a record picker shows: the id to submit and the label to read.
import type { Translate } from '@/lib/i18n';

export type PickerOption = { id: number; label: string };

/** Search terms for pickers: trimmed, bounded, never an error. */
export function pickerQuery(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}

/** The chosen record a picker's search is scoped to (the Kontakt picker's Geschäftspartner), if any. */
export function pickerScopeId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^[1-9]\d{0,15}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** How the Kontakt picker marks a contact outside the chosen Geschäftspartner. */
export function otherPartnerMark(t: Translate): (partnerName: string | null) => string {
  return (partnerName) => (partnerName ? t('picker.otherPartner', { name: partnerName }) : t('picker.withoutPartner'));
}
