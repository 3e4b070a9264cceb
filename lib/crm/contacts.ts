import 'server-only';
// A contact's Merkmale: CRM data (crm users only). Saving them leaves the contact's version and
// "Zuletzt geändert … von …" alone, so plain users neither see CRM activity nor get their next save of
// the contact refused for it. Contacts have no CRM version of their own: a save is checked against the
// Merkmale the form showed instead, and refused when they changed in between.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { attributes, contactAttributes, contacts } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { idSchema } from '@/lib/validation';
import { checkChosenEntries, chosenIdsSchema } from './entries';

/** `shownAttributes`: the Merkmale the form was rendered with, one hidden field each. */
export const contactAttributesSchema = z.object({ id: idSchema, shownAttributes: chosenIdsSchema, attributes: chosenIdsSchema });

function readAttributeIds(db: Db | Tx, contactId: number): number[] {
  return db
    .select({ id: contactAttributes.attributeId })
    .from(contactAttributes)
    .where(eq(contactAttributes.contactId, contactId))
    .orderBy(asc(contactAttributes.attributeId))
    .all()
    .map((row) => row.id);
}

export function getContactAttributes(db: Db, user: SessionUser, contactId: number): { attributeIds: number[] } | undefined {
  assertRole(user, 'crm');
  if (!db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId)).get()) return undefined;
  return { attributeIds: readAttributeIds(db, contactId) };
}

/** Whether the contact carries CRM data (Merkmale): the fact only, so it may decide for any user. */
export function contactHasCrmData(db: Db | Tx, contactId: number): boolean {
  return Boolean(
    db.select({ id: contactAttributes.contactId }).from(contactAttributes).where(eq(contactAttributes.contactId, contactId)).get(),
  );
}

export function saveContactAttributes(db: Db, user: SessionUser, input: z.infer<typeof contactAttributesSchema>): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, input.id)).get()) return { ok: false, error: 'notFound' };
    const current = readAttributeIds(tx, input.id);
    const shown = [...input.shownAttributes].sort((a, b) => a - b);
    if (shown.length !== current.length || shown.some((id, index) => id !== current[index])) return { ok: false, error: 'staleVersion' };
    const problem = checkChosenEntries(tx, 'attributes', input.attributes, current);
    if (problem) return { ok: false, error: 'form', fieldErrors: { attributes: problem } };
    if (
      input.attributes.length > 0 &&
      tx
        .select({ id: attributes.id })
        .from(attributes)
        .where(and(inArray(attributes.id, input.attributes), eq(attributes.appliesTo, 'partner')))
        .get()
    ) {
      return { ok: false, error: 'form', fieldErrors: { attributes: 'crm.error.attributeTargetPartner' } };
    }
    tx.delete(contactAttributes).where(eq(contactAttributes.contactId, input.id)).run();
    if (input.attributes.length > 0)
      tx.insert(contactAttributes)
        .values(input.attributes.map((attributeId) => ({ contactId: input.id, attributeId })))
        .run();
    return { ok: true, data: undefined };
  });
}
