// Contacts: list, detail and forms.
import type { Messages } from '../types';

export const de = {
  'contacts.title': 'Kontakte',
} as const;

export const en: Messages<typeof de> = {
  'contacts.title': 'Contacts',
};
