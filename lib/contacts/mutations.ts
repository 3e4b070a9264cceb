import 'server-only';
// Writes to contacts: create (optionally under a partner), edit, delete.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contacts, partners, tickets } from '@/db/schema';
import { hasRole, type Actor } from '@/lib/auth/access';
import { contactHasCrmData } from '@/lib/crm/contacts';
import { contactSortKey } from '@/lib/order/sort-key';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationFailure, MutationResult } from '@/lib/result';
import type { ContactInput, CreateContactInput, DeleteContactInput, UpdateContactInput } from './schemas';

function contactData(input: ContactInput): ContactInput & { sortName: string } {
  const { salutation, firstName, lastName, email, phone, position, partnerId } = input;
  return { salutation, firstName, lastName, sortName: contactSortKey(input), email, phone, position, partnerId };
}

/** Null when the chosen partner exists (or none was chosen); otherwise the failure to return. */
function unknownPartner(tx: Tx, partnerId: number | null): MutationFailure | null {
  if (partnerId === null) return null;
  if (tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).get()) return null;
  return { ok: false, error: 'form', fieldErrors: { partnerId: 'contacts.error.unknownPartner' } };
}

export function createContact(db: Db, actor: Actor, input: CreateContactInput): MutationResult<{ id: number }> {
  return writeTransaction(db, (tx) => {
    const failure = unknownPartner(tx, input.partnerId);
    if (failure) return failure;
    const row = tx
      .insert(contacts)
      .values({ ...contactData(input), updatedById: actor.id })
      .returning({ id: contacts.id })
      .get();
    return { ok: true, data: { id: row.id } };
  });
}

function loadVersioned(tx: Tx, id: number) {
  return tx.select({ version: contacts.version, updatedById: contacts.updatedById }).from(contacts).where(eq(contacts.id, id)).get();
}

export function updateContact(db: Db, actor: Actor, input: UpdateContactInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = loadVersioned(tx, input.id);
    const failure = versionConflict(tx, current, input.version) ?? unknownPartner(tx, input.partnerId);
    if (failure) return failure;
    tx.update(contacts)
      .set({ ...contactData(input), ...saveStamp(current!, actor.id) })
      .where(eq(contacts.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/** Deletes a contact no ticket names; its Merkmale go with it, so only a `crm` user may delete one that has some. */
export function deleteContact(db: Db, actor: Actor, input: DeleteContactInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const conflict = versionConflict(tx, loadVersioned(tx, input.id), input.version);
    if (conflict) return conflict;
    const ticketCount = tx
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(eq(tickets.contactId, input.id))
      .get()!.n;
    if (ticketCount > 0) return { ok: false, error: 'contacts.error.hasTickets' };
    if (!hasRole(actor, 'crm') && contactHasCrmData(tx, input.id)) return { ok: false, error: 'contacts.error.hasCrmData' };
    tx.delete(contacts).where(eq(contacts.id, input.id)).run();
    return { ok: true, data: undefined };
  });
}
