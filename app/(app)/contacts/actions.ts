'use server';
// Contacts. Every signed-in user may create, edit and delete contacts (SPEC section 1); each action
// checks the session itself through defineAction.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { createContact, deleteContact, updateContact } from '@/lib/contacts/mutations';
import { createContactSchema, deleteContactSchema, updateContactSchema } from '@/lib/contacts/schemas';

/** Contact names also appear on partner pages and in ticket lists. */
function refreshAll(): void {
  revalidatePath('/', 'layout');
}

/** Creates a contact and opens it. */
export const createContactAction = defineAction({ schema: createContactSchema }, (input, user) => {
  const result = createContact(getDb(), input, user.id);
  if (!result.ok) return result;
  refreshAll();
  redirect(`/contacts/${result.data.id}?created=1`);
});

/** Saves a contact; a stale version is refused naming who saved in between. */
export const updateContactAction = defineAction({ schema: updateContactSchema }, (input, user) => {
  const result = updateContact(getDb(), input, user.id);
  if (result.ok) refreshAll();
  return result;
});

/** Deletes a contact no ticket names (with Merkmale: crm users only), then shows the list. */
export const deleteContactAction = defineAction({ schema: deleteContactSchema }, (input, user) => {
  const result = deleteContact(getDb(), input, user);
  if (!result.ok) return result;
  refreshAll();
  redirect('/contacts?deleted=1');
});
