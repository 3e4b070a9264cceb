// Partners: list, detail and forms.
import type { Messages } from '../types';

export const de = {
  'partners.title': 'Geschäftspartner',
} as const;

export const en: Messages<typeof de> = {
  'partners.title': 'Business partners',
};
