'use server';
// A contact's Merkmale (crm only): the action checks the session and the role itself.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { contactAttributesSchema, saveContactAttributes } from '@/lib/crm/contacts';

export const saveContactAttributesAction = defineAction({ schema: contactAttributesSchema, role: 'crm' }, (input, user) => {
  const result = saveContactAttributes(getDb(), user, input);
  if (result.ok) revalidatePath(`/contacts/${input.id}`);
  return result;
});
