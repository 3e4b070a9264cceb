'use server';
// Business partners' master data. Every signed-in user may create, edit and delete partners (SPEC
// section 1); each action checks the session itself through defineAction.
import { getDb } from '@/db/client';
import { defineAction, type Revalidation } from '@/lib/action';
import { createPartner, deletePartner, updatePartner, type SimilarPartnersFailure } from '@/lib/partners/mutations';
import { createPartnerSchema, deletePartnerSchema, updatePartnerSchema, type SimilarPartners } from '@/lib/partners/schemas';
import type { MutationResult } from '@/lib/result';

/** Partner names also appear in the ticket, contact and board lists. */
const EVERY_PAGE: Revalidation = { layout: '/' };

/** Creates a partner and opens it; refused, with the similar names as `data`, until "trotzdem anlegen" is ticked. */
export const createPartnerAction = defineAction(
  {
    schema: createPartnerSchema,
    revalidate: EVERY_PAGE,
    redirect: (_input, created) => `/partners/${created.id}?created=1`,
    data: (result: MutationResult<{ id: number }> | SimilarPartnersFailure): SimilarPartners | undefined =>
      'similar' in result && result.similar.length > 0 ? { similar: result.similar } : undefined,
  },
  (input, user) => createPartner(getDb(), user, input),
);

/** Saves the master data; a stale version is refused naming who saved in between. */
export const updatePartnerAction = defineAction({ schema: updatePartnerSchema, revalidate: EVERY_PAGE }, (input, user) =>
  updatePartner(getDb(), user, input),
);

/** Deletes a partner without contacts and tickets (with CRM data: crm users only), then shows the list. */
export const deletePartnerAction = defineAction(
  { schema: deletePartnerSchema, revalidate: EVERY_PAGE, redirect: () => '/partners?deleted=1' },
  (input, user) => deletePartner(getDb(), user, input),
);
