'use server';
// Search-as-you-type for the partner and contact pickers; signed-in users only (anyone else: no options).
import { z } from 'zod';
import { getDb } from '@/db/client';
import { defineReadAction } from '@/lib/action';
import { searchContactOptions, searchPartnerContactOptions } from '@/lib/contacts/queries';
import { translator } from '@/lib/i18n';
import { searchPartnerOptions } from '@/lib/partners/queries';
import { otherPartnerMark, pickerQuery, pickerScopeId, type PickerOption } from '@/lib/picker';

/** `(query, partnerId?)`: search terms are never an error, a scope that names no record is no scope. */
const pickerArgs = z.array(z.unknown()).transform(([query, partnerId]) => ({ text: pickerQuery(query), scope: pickerScopeId(partnerId) }));

const noOptions = (): PickerOption[] => [];

export const searchPartnersAction: (query: string) => Promise<PickerOption[]> = defineReadAction(
  { args: pickerArgs, refused: noOptions },
  ({ text }) => searchPartnerOptions(getDb(), text),
);

/** With a Geschäftspartner chosen in the form (`partnerId`), its contacts first, others only on a search. */
export const searchContactsAction: (query: string, partnerId?: string) => Promise<PickerOption[]> = defineReadAction(
  { args: pickerArgs, refused: noOptions },
  ({ text, scope }, user) =>
    scope === null
      ? searchContactOptions(getDb(), text)
      : searchPartnerContactOptions(getDb(), text, scope, otherPartnerMark(translator(user.locale))),
);
