import 'server-only';
// Writes to tickets: creation with a number from the counter, edits, status changes, taking over.
// Each runs in one synchronous transaction and refuses a stale version (lib/concurrency.ts).
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contacts, partners, tickets, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { nextCounterValue } from '@/lib/counters';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationFailure, MutationResult } from '@/lib/result';
import type { CreateTicketInput, SetTicketStatusInput, TakeOverTicketInput, UpdateTicketInput } from './schemas';

const TICKET_COUNTER = 'ticket';

/** `T-000123`: the counter value, zero-padded to six digits (more digits once it grows past them). */
function formatTicketNumber(value: number): string {
  return `T-${String(value).padStart(6, '0')}`;
}

/** The next ticket number from the counter (the create form's and the import's). */
export function nextTicketNumber(tx: Tx): string {
  return formatTicketNumber(nextCounterValue(tx, TICKET_COUNTER, 1));
}

type References = { partnerId: number | null; contactId: number | null; assigneeId: number | null };

/**
 * Checks that the chosen partner, contact and Bearbeiter exist, that the contact belongs to the chosen
 * partner, and that a newly chosen Bearbeiter is active (a deactivated one may stay on a ticket).
 */
export function checkReferences(tx: Tx, input: References, currentAssigneeId: number | null): MutationFailure | null {
  const fieldErrors: Record<string, string> = {};
  if (input.partnerId !== null) {
    const partner = tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get();
    if (!partner) fieldErrors.partnerId = 'tickets.error.partnerNotFound';
  }
  if (input.contactId !== null) {
    const contact = tx.select({ partnerId: contacts.partnerId }).from(contacts).where(eq(contacts.id, input.contactId)).get();
    if (!contact) fieldErrors.contactId = 'tickets.error.contactNotFound';
    else if (input.partnerId !== null && contact.partnerId !== null && contact.partnerId !== input.partnerId) {
      fieldErrors.contactId = 'tickets.error.contactPartnerMismatch';
    }
  }
  if (input.assigneeId !== null) {
    const assignee = tx.select({ active: users.active }).from(users).where(eq(users.id, input.assigneeId)).get();
    if (!assignee || (!assignee.active && input.assigneeId !== currentAssigneeId))
      fieldErrors.assigneeId = 'tickets.error.assigneeNotFound';
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, error: 'form', fieldErrors } : null;
}

export function createTicket(db: Db, actor: Actor, input: CreateTicketInput): MutationResult<{ id: number; number: string }> {
  return writeTransaction(db, (tx) => {
    const invalid = checkReferences(tx, input, null);
    if (invalid) return invalid;
    const number = nextTicketNumber(tx);
    const ticket = tx
      .insert(tickets)
      .values({
        number,
        title: input.title,
        description: input.description,
        status: input.status,
        partnerId: input.partnerId,
        contactId: input.contactId,
        assigneeId: input.assigneeId,
        createdById: actor.id,
        updatedById: actor.id,
      })
      .returning({ id: tickets.id })
      .get();
    return { ok: true, data: { id: ticket.id, number } };
  });
}

type Editable = { id: number; version: number; updatedById: number | null; assigneeId: number | null };

/** The columns an edit needs (never the CRM fields), after the version check. */
function loadForEdit(tx: Tx, id: number, version: number): MutationFailure | { ok: true; ticket: Editable } {
  const ticket = tx
    .select({ id: tickets.id, version: tickets.version, updatedById: tickets.updatedById, assigneeId: tickets.assigneeId })
    .from(tickets)
    .where(eq(tickets.id, id))
    .get();
  return versionConflict(tx, ticket, version) ?? { ok: true, ticket: ticket! };
}

export function updateTicket(db: Db, actor: Actor, input: UpdateTicketInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { ticket } = loaded;
    const invalid = checkReferences(tx, input, ticket.assigneeId);
    if (invalid) return invalid;
    tx.update(tickets)
      .set({
        title: input.title,
        description: input.description,
        partnerId: input.partnerId,
        contactId: input.contactId,
        assigneeId: input.assigneeId,
        ...saveStamp(ticket, actor.id),
      })
      .where(eq(tickets.id, ticket.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/** Any status may follow any other; the page offers the usual steps as buttons. */
export function setTicketStatus(db: Db, actor: Actor, input: SetTicketStatusInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    tx.update(tickets)
      .set({ status: input.status, ...saveStamp(loaded.ticket, actor.id) })
      .where(eq(tickets.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/** "Übernehmen": the actor becomes the Bearbeiter. */
export function takeOverTicket(db: Db, actor: Actor, input: TakeOverTicketInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    // Already one's own: nothing to change, and no new version that would make colleagues' forms stale.
    if (loaded.ticket.assigneeId === actor.id) return { ok: true, data: undefined };
    tx.update(tickets)
      .set({ assigneeId: actor.id, ...saveStamp(loaded.ticket, actor.id) })
      .where(eq(tickets.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}
