'use server';
// Ticket edits: every signed-in user may create and edit tickets; defineAction checks the session.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { createTicket, setTicketStatus, takeOverTicket, updateTicket } from '@/lib/tickets/mutations';
import { createTicketSchema, setTicketStatusSchema, takeOverTicketSchema, updateTicketSchema } from '@/lib/tickets/schemas';

function refresh<T extends { ok: boolean }>(result: T, id: number): T {
  if (result.ok) {
    revalidatePath(`/tickets/${id}`);
    revalidatePath('/tickets');
  }
  return result;
}

/** Creates a ticket with the next number and opens it; redirect() throws, so it comes after the write. */
export const createTicketAction = defineAction({ schema: createTicketSchema }, (input, user) => {
  const result = createTicket(getDb(), input, user.id);
  if (!result.ok) return result;
  revalidatePath('/tickets');
  redirect(`/tickets/${result.data.id}`);
});

/**
 * Saves title, description, partner, contact and Bearbeiter against the version the form was loaded with.
 * After a no-JS picker search the page's URL holds the typed values and the old version: leave it.
 */
export const updateTicketAction = defineAction({ schema: updateTicketSchema }, (input, user) => {
  const result = refresh(updateTicket(getDb(), input, user.id), input.id);
  if (result.ok && input.fromPickerSearch) redirect(`/tickets/${input.id}`);
  return result;
});

/** Moves a ticket to another status (Offen, In Bearbeitung, Geparkt, Geschlossen). */
export const setTicketStatusAction = defineAction({ schema: setTicketStatusSchema, success: 'tickets.statusChanged' }, (input, user) =>
  refresh(setTicketStatus(getDb(), input, user.id), input.id),
);

/** "Übernehmen": makes the signed-in user the ticket's Bearbeiter. */
export const takeOverTicketAction = defineAction({ schema: takeOverTicketSchema, success: 'tickets.takenOver' }, (input, user) =>
  refresh(takeOverTicket(getDb(), input, user.id), input.id),
);
