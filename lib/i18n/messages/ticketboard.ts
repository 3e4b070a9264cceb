// The ticket board: saved queries as columns.
import type { Messages } from '../types';

export const de = {
  'ticketboard.title': 'Ticketboard',
} as const;

export const en: Messages<typeof de> = {
  'ticketboard.title': 'Ticket board',
};
