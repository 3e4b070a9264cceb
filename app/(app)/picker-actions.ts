'use server';
// Search-as-you-type for the partner and contact pickers; signed-in users only.
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guards';
import { searchContactOptions } from '@/lib/contacts/queries';
import { searchPartnerOptions } from '@/lib/partners/queries';
import { pickerQuery, type PickerOption } from '@/lib/picker';

export async function searchPartnersAction(query: string): Promise<PickerOption[]> {
  if (!(await getCurrentUser())) return [];
  return searchPartnerOptions(getDb(), pickerQuery(query));
}

export async function searchContactsAction(query: string): Promise<PickerOption[]> {
  if (!(await getCurrentUser())) return [];
  return searchContactOptions(getDb(), pickerQuery(query));
}
