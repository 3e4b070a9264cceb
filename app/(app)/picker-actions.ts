'use server';
// Search-as-you-type for the partner and contact pickers; signed-in users only.
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guards';
import { searchContactOptions, searchPartnerContactOptions } from '@/lib/contacts/queries';
import { translator } from '@/lib/i18n';
import { searchPartnerOptions } from '@/lib/partners/queries';
import { otherPartnerMark, pickerQuery, pickerScopeId, type PickerOption } from '@/lib/picker';

export async function searchPartnersAction(query: string): Promise<PickerOption[]> {
  if (!(await getCurrentUser())) return [];
  return searchPartnerOptions(getDb(), pickerQuery(query));
}

/** With a Geschäftspartner chosen in the form (`partnerId`), its contacts first, others only on a search. */
export async function searchContactsAction(query: string, partnerId?: string): Promise<PickerOption[]> {
  const user = await getCurrentUser();
  if (!user) return [];
  const scope = pickerScopeId(partnerId);
  const text = pickerQuery(query);
  return scope === null
    ? searchContactOptions(getDb(), text)
    : searchPartnerContactOptions(getDb(), text, scope, otherPartnerMark(translator(user.locale)));
}
