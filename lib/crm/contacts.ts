import 'server-only';
// A contact's Merkmale: CRM data (crm users only), saved with the contact's version.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { attributes, contactAttributes, contacts } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/records';
import type { MutationResult } from '@/lib/result';
import { idSchema, versionSchema } from '@/lib/validation';
import { checkChosenEntries, chosenIdsSchema } from './entries';

export const contactAttributesSchema = z.object({ id: idSchema, version: versionSchema, attributes: chosenIdsSchema });

export function getContactAttributes(db: Db, user: SessionUser, contactId: number): { version: number; attributeIds: number[] } | undefined {
  assertRole(user, 'crm');
  const contact = db.select({ version: contacts.version }).from(contacts).where(eq(contacts.id, contactId)).get();
  if (!contact) return undefined;
  const rows = db.select({ id: contactAttributes.attributeId }).from(contactAttributes).where(eq(contactAttributes.contactId, contactId)).orderBy(asc(contactAttributes.attributeId)).all();
  return { version: contact.version, attributeIds: rows.map((row) => row.id) };
}

/** Whether the contact carries CRM data (Merkmale): the fact only, so it may decide for any user. */
export function contactHasCrmData(db: Db | Tx, contactId: number): boolean {
  return Boolean(db.select({ id: contactAttributes.contactId }).from(contactAttributes).where(eq(contactAttributes.contactId, contactId)).get());
}

export function saveContactAttributes(db: Db, user: SessionUser, input: z.infer<typeof contactAttributesSchema>): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const contact = tx.select({ version: contacts.version, updatedById: contacts.updatedById }).from(contacts).where(eq(contacts.id, input.id)).get();
    const conflict = versionConflict(tx, contact, input.version);
    if (conflict) return conflict;
    const current = tx.select({ id: contactAttributes.attributeId }).from(contactAttributes).where(eq(contactAttributes.contactId, input.id)).all().map((row) => row.id);
    const problem = checkChosenEntries(tx, 'attributes', input.attributes, current);
    if (problem) return { ok: false, error: 'form', fieldErrors: { attributes: problem } };
    if (input.attributes.length > 0 && tx.select({ id: attributes.id }).from(attributes).where(and(inArray(attributes.id, input.attributes), eq(attributes.appliesTo, 'partner'))).get()) {
      return { ok: false, error: 'form', fieldErrors: { attributes: 'crm.error.attributeTargetPartner' } };
    }
    tx.update(contacts).set(saveStamp(contact!, user.id)).where(eq(contacts.id, input.id)).run();
    tx.delete(contactAttributes).where(eq(contactAttributes.contactId, input.id)).run();
    if (input.attributes.length > 0) tx.insert(contactAttributes).values(input.attributes.map((attributeId) => ({ contactId: input.id, attributeId }))).run();
    return { ok: true, data: undefined };
  });
}
