'use server';
// Business partners' master data. Every signed-in user may create, edit and delete partners (SPEC
// section 1); each action checks the session itself through defineAction.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { createPartner, deletePartner, updatePartner } from '@/lib/partners/mutations';
import type { SimilarPartner } from '@/lib/partners/queries';
import { createPartnerSchema, deletePartnerSchema, updatePartnerSchema, type CreatePartnerState } from '@/lib/partners/schemas';

/** Partner names also appear in the ticket, contact and board lists. */
function refreshAll(): void {
  revalidatePath('/', 'layout');
}

/** Creates a partner and opens it; refused, with the similar names, until "trotzdem anlegen" is ticked. */
export async function createPartnerAction(previous: CreatePartnerState, formData: FormData): Promise<CreatePartnerState> {
  let similar: SimilarPartner[] = [];
  // Defined per call, so the list found by this call's duplicate check reaches this call's answer only.
  const run = defineAction({ schema: createPartnerSchema }, (input, user) => {
    const result = createPartner(getDb(), input, user.id);
    if (!result.ok) {
      if ('similar' in result) similar = result.similar;
      return result;
    }
    refreshAll();
    redirect(`/partners/${result.data.id}?created=1`);
  });
  const state = await run(previous, formData);
  return similar.length > 0 ? { ...state, similar } : state;
}

/** Saves the master data; a stale version is refused naming who saved in between. */
export const updatePartnerAction = defineAction({ schema: updatePartnerSchema }, (input, user) => {
  const result = updatePartner(getDb(), input, user.id);
  if (result.ok) refreshAll();
  return result;
});

/** Deletes a partner without contacts and tickets (with CRM data: crm users only), then shows the list. */
export const deletePartnerAction = defineAction({ schema: deletePartnerSchema }, (input, user) => {
  const result = deletePartner(getDb(), input, user);
  if (!result.ok) return result;
  refreshAll();
  redirect('/partners?deleted=1');
});
