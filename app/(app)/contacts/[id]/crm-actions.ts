'use server';
// A contact's Merkmale (crm only): the action checks the session and the role itself.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { contactAttributesSchema, saveContactAttributes } from '@/lib/crm/contacts';

export const saveContactAttributesAction = defineAction(
  { schema: contactAttributesSchema, role: 'crm', revalidate: (input) => `/contacts/${input.id}` },
  (input, user) => saveContactAttributes(getDb(), user, input),
);
