'use server';
// Contacts. Every signed-in user may create, edit and delete contacts (SPEC section 1); each action
// checks the session itself through defineAction.
import { getDb } from '@/db/client';
import { defineAction, type Revalidation } from '@/lib/action';
import { createContact, deleteContact, updateContact } from '@/lib/contacts/mutations';
import { createContactSchema, deleteContactSchema, updateContactSchema } from '@/lib/contacts/schemas';

/** Contact names also appear on partner pages and in ticket lists. */
const EVERY_PAGE: Revalidation = { layout: '/' };

/** Creates a contact and opens it. */
export const createContactAction = defineAction(
  {
    schema: createContactSchema,
    revalidate: EVERY_PAGE,
    redirect: (_input: unknown, created: { id: number }) => `/contacts/${created.id}?created=1`,
  },
  (input, user) => createContact(getDb(), user, input),
);

/** Saves a contact; a stale version is refused naming who saved in between. */
export const updateContactAction = defineAction({ schema: updateContactSchema, revalidate: EVERY_PAGE }, (input, user) =>
  updateContact(getDb(), user, input),
);

/** Deletes a contact no ticket names (with Merkmale: crm users only), then shows the list. */
export const deleteContactAction = defineAction(
  { schema: deleteContactSchema, revalidate: EVERY_PAGE, redirect: () => '/contacts?deleted=1' },
  (input, user) => deleteContact(getDb(), user, input),
);
