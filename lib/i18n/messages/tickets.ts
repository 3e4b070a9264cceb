// Tickets: statuses, list and detail pages, ticket forms.
import type { Messages } from '../types';

export const de = {
  'ticketStatus.open': 'Offen',
  'ticketStatus.in_progress': 'In Bearbeitung',
  'ticketStatus.parked': 'Geparkt',
  'ticketStatus.closed': 'Geschlossen',
  'tickets.number': 'Nummer',
  'tickets.title': 'Titel',
  'tickets.status': 'Status',
  'tickets.partnerOrContact': 'Geschäftspartner / Kontakt',
  'tickets.assignee': 'Bearbeiter',
  'tickets.age': 'Alter',
  'tickets.created': 'Angelegt',
  'tickets.none': 'Keine Tickets.',
} as const;

export const en: Messages<typeof de> = {
  'ticketStatus.open': 'Open',
  'ticketStatus.in_progress': 'In progress',
  'ticketStatus.parked': 'Parked',
  'ticketStatus.closed': 'Closed',
  'tickets.number': 'Number',
  'tickets.title': 'Title',
  'tickets.status': 'Status',
  'tickets.partnerOrContact': 'Business partner / contact',
  'tickets.assignee': 'Assignee',
  'tickets.age': 'Age',
  'tickets.created': 'Created',
  'tickets.none': 'No tickets.',
};
