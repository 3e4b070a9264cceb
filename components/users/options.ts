// Role and language choices as form options, labelled in the reader's language.
import { LOCALES, ROLES } from '@/db/schema';
import type { Translate } from '@/lib/i18n';

export function roleOptions(t: Translate) {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

export function localeOptions(t: Translate) {
  return LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }));
}
