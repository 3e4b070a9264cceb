'use server';
// Ticket edits: every signed-in user may create and edit tickets; defineAction checks the session.
import { getDb } from '@/db/client';
import { defineAction, type Revalidation } from '@/lib/action';
import { createTicket, setTicketStatus, takeOverTicket, updateTicket } from '@/lib/tickets/mutations';
import { createTicketSchema, setTicketStatusSchema, takeOverTicketSchema, updateTicketSchema } from '@/lib/tickets/schemas';

/** The ticket's page and the list. */
const ticketPages = (input: { id: number }): Revalidation[] => [`/tickets/${input.id}`, '/tickets'];

/** Creates a ticket with the next number and opens it. */
export const createTicketAction = defineAction(
  { schema: createTicketSchema, revalidate: '/tickets', redirect: (_input: unknown, created: { id: number }) => `/tickets/${created.id}` },
  (input, user) => createTicket(getDb(), user, input),
);

/**
 * Saves title, description, partner, contact and Bearbeiter against the version the form was loaded with.
 * After a no-JS picker search the page's URL holds the typed values and the old version: leave it.
 */
export const updateTicketAction = defineAction(
  { schema: updateTicketSchema, revalidate: ticketPages, redirect: (input) => (input.fromPickerSearch ? `/tickets/${input.id}` : null) },
  (input, user) => updateTicket(getDb(), user, input),
);

/** Moves a ticket to another status (Offen, In Bearbeitung, Geparkt, Geschlossen). */
export const setTicketStatusAction = defineAction(
  { schema: setTicketStatusSchema, success: 'tickets.statusChanged', revalidate: ticketPages },
  (input, user) => setTicketStatus(getDb(), user, input),
);

/** "Übernehmen": makes the signed-in user the ticket's Bearbeiter. */
export const takeOverTicketAction = defineAction(
  { schema: takeOverTicketSchema, success: 'tickets.takenOver', revalidate: ticketPages },
  (input, user) => takeOverTicket(getDb(), user, input),
);
