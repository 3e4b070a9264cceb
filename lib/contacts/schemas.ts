// Input schemas for contacts, shared by the forms and their actions, and the contact list's URL parameters.
import { z } from 'zod';
import { idSchema, versionSchema } from '@/lib/validation';

/** Stored as the German word, as the demo data and exports have it; labels come from the dictionaries. */
export const SALUTATIONS = ['Herr', 'Frau', 'Divers'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

export function isSalutation(value: string): value is Salutation {
  return (SALUTATIONS as readonly string[]).includes(value);
}

export const CONTACT_MAX = { firstName: 100, lastName: 100, email: 254, phone: 50, position: 100 } as const;

const optionalText = (max: number) => z.string().trim().max(max, { message: 'tooLong' }).default('');
const emailFormat = z.email();

export const contactSchema = z.object({
  salutation: z.enum(['', ...SALUTATIONS], { message: 'invalid' }).default(''),
  firstName: optionalText(CONTACT_MAX.firstName),
  lastName: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(CONTACT_MAX.lastName, { message: 'tooLong' }),
  email: optionalText(CONTACT_MAX.email).refine((value) => value === '' || emailFormat.safeParse(value).success, {
    message: 'invalidEmail',
  }),
  phone: optionalText(CONTACT_MAX.phone),
  position: optionalText(CONTACT_MAX.position),
  /** Optional: a contact may belong to no partner (the picker's "keine Auswahl" sends ''). */
  partnerId: z.preprocess((value) => (value === '' || value === undefined ? null : value), idSchema.nullable()),
});
export type ContactInput = z.infer<typeof contactSchema>;

export const createContactSchema = contactSchema;
export type CreateContactInput = ContactInput;

export const updateContactSchema = contactSchema.extend({ id: idSchema, version: versionSchema });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const deleteContactSchema = z.object({
  id: idSchema,
  version: versionSchema,
  confirm: z.literal('on', { message: 'contacts.error.confirmDelete' }),
});
export type DeleteContactInput = z.infer<typeof deleteContactSchema>;

// ---------------------------------------------------------------- URL parameters

export const CONTACT_PAGE_SIZE = 50;

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The list's search term; malformed input is cut to size, never an error. */
export function contactListQuery(raw: string | string[] | undefined): string {
  return (first(raw) ?? '').trim().slice(0, 200);
}

export type ContactFormValues = { salutation: string; firstName: string; lastName: string; email: string; phone: string; position: string };
const FORM_FIELDS = ['salutation', 'firstName', 'lastName', 'email', 'phone', 'position'] as const;

/**
 * The form's values as the picker's no-JavaScript search sent them (a GET of the whole form),
 * cut to the fields' lengths; `fallback` for every field the URL does not name.
 */
export function contactFormPrefill(raw: RawParams, fallback: ContactFormValues): ContactFormValues {
  const values = { ...fallback };
  for (const field of FORM_FIELDS) {
    const value = first(raw[field]);
    if (value !== undefined) values[field] = value.slice(0, field === 'salutation' ? 10 : CONTACT_MAX[field]);
  }
  return values;
}

/**
 * The partner the URL chooses: `partnerId` from the picker's GET search ('' for none), else the
 * preselection `partner` (/contacts/new?partner=ID); undefined when the URL names neither.
 */
export function prefillPartnerId(raw: RawParams): number | null | undefined {
  const chosen = first(raw.partnerId) ?? first(raw.partner);
  if (chosen === undefined) return undefined;
  const id = idSchema.safeParse(chosen);
  return id.success ? id.data : null;
}
