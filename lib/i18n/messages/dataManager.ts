// The data manager: CSV exports of partners, contacts and tickets.
import type { Messages } from '../types';

export const de = {
  'dataManager.title': 'Daten Manager',
} as const;

export const en: Messages<typeof de> = {
  'dataManager.title': 'Data manager',
};
