'use server';
// The partner CRM tab (crm only): the action checks the session and the role itself.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { savePartnerCrm } from '@/lib/crm/partners/mutations';
import { partnerCrmSchema } from '@/lib/crm/schemas';

/** Saves every CRM field of a partner; the grouped company size follows from the employee count. */
export const savePartnerCrmAction = defineAction(
  { schema: partnerCrmSchema, role: 'crm', revalidate: (input) => ({ layout: `/partners/${input.id}` }) },
  (input, user) => savePartnerCrm(getDb(), user, input),
);
