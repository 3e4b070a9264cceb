// Input schemas of the CRM forms (ticket panel, partner tab), shared by forms and actions, derived from
// the property registry: one field per property with a `form`, its rule by the property's kind.
// Amounts are read in the user's language, so the ticket form's schema is made per locale.
import { z } from 'zod';
import type { Locale } from '@/db/schema';
import { parseEuroToCents } from '@/lib/money';
import { idSchema, versionSchema } from '@/lib/validation';
import { chosenIdsSchema, newNamesSchema, optionalIdSchema } from './entries';
import { propertiesOf, type CrmProperty } from './properties';
import type { CrmFormCreated, CrmFormValues, RecordEntity } from './record/fields';

/** '' means not set; otherwise a whole number within bounds. */
function optionalWholeNumber(max: number, message: string) {
  return z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((text) => text === '' || (/^\d{1,12}$/.test(text) && Number(text) <= max), { message })
    .transform((text) => (text === '' ? null : Number(text)));
}

/** '' means not set; otherwise whole percent 0–100, a trailing `%` allowed ("60 %"). */
const optionalPercent = z
  .string()
  .trim()
  .optional()
  .default('')
  .transform((text) => text.replace(/^(\d+)\s*%$/, '$1'))
  .refine((text) => text === '' || (/^\d{1,3}$/.test(text) && Number(text) <= 100), { message: 'crm.error.probability' })
  .transform((text) => (text === '' ? null : Number(text)));

/** '' means not set; otherwise an amount ≥ 0 as parseEuroToCents reads it for the user's language. */
const optionalEuro = (locale: Locale) =>
  z
    .string()
    .trim()
    .max(40, { message: 'crm.error.potential' })
    .optional()
    .default('')
    .transform((text, ctx) => {
      if (text === '') return null;
      const cents = parseEuroToCents(text, locale);
      if (cents !== null && cents >= 0) return cents;
      ctx.addIssue({ code: 'custom', message: 'crm.error.potential' });
      return z.NEVER;
    });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

const comment = z.string().max(2000, { message: 'tooLong' }).optional().default('');

/** '' means not set; otherwise a calendar date as the browser's date field sends it (YYYY-MM-DD), one that exists. */
const optionalDate = z
  .string()
  .trim()
  .optional()
  .default('')
  .transform((text, ctx) => {
    if (text === '') return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'crm.error.date' });
      return z.NEVER;
    }
    // 2026-02-30 has the shape of a date but names none: Date rolls it over into March.
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text)) {
      ctx.addIssue({ code: 'custom', message: 'crm.error.impossibleDate' });
      return z.NEVER;
    }
    return text;
  });

/** '' means not set; otherwise a time of day as the browser's time field sends it (HH:MM, seconds dropped). */
export const optionalTime = z
  .string()
  .trim()
  .optional()
  .default('')
  .transform((text, ctx) => {
    if (text === '') return null;
    const match = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/.exec(text);
    if (match) return `${match[1]}:${match[2]}`;
    ctx.addIssue({ code: 'custom', message: 'crm.error.time' });
    return z.NEVER;
  });

export const ticketCrmEnabledSchema = z.object({
  id: idSchema,
  crmVersion: versionSchema,
  enabled: z.enum(['true', 'false'], { message: 'invalid' }).transform((value) => value === 'true'),
});

/** The schema of a property's form field, by its kind (a number by its kind, the percent and whole-number rules). */
export function crmFieldSchema(property: CrmProperty, locale: Locale): z.ZodType {
  switch (property.kind) {
    case 'lookup':
      return optionalIdSchema;
    case 'lookupMulti':
      return chosenIdsSchema;
    case 'percent':
      return optionalPercent;
    case 'money':
      return optionalEuro(locale);
    case 'integer':
      return optionalWholeNumber(10_000_000, 'crm.error.wholeNumber');
    case 'boolean':
      return checkbox;
    case 'date':
    case 'dateTime':
      // A date and time's date field; its time field is `${name}Time` (crmFormSchema).
      return optionalDate;
    case 'text':
    case 'reference':
      return comment;
  }
}

/** A parsed CRM form of a ticket or partner: its id and version, a value per form field, the names typed anew. */
export type CrmFormInput<E extends RecordEntity> = { id: number; crmVersion: number } & CrmFormValues<E> & CrmFormCreated<E>;

/** The CRM form of a ticket or partner, one field per property with a `form` (amounts read in the user's language). */
function crmFormSchema<E extends RecordEntity>(entity: E, locale: Locale) {
  const shape: Record<string, z.ZodType> = { id: idSchema, crmVersion: versionSchema };
  for (const [, property] of propertiesOf(entity, 'form')) {
    const form = property.form!;
    shape[form.name] = crmFieldSchema(property, locale);
    if (form.control === 'checkboxes' && form.create) shape[form.create] = newNamesSchema;
    if (form.control === 'dateTime') shape[`${form.name}Time`] = optionalTime;
  }
  const timed = propertiesOf(entity, 'form').flatMap(([, property]) => (property.form?.control === 'dateTime' ? [property.form.name] : []));
  // A time needs its day; record/fields.ts joins the two into one value.
  return z.object(shape).superRefine((values, ctx) => {
    for (const name of timed)
      if (values[`${name}Time`] !== null && values[name] === null)
        ctx.addIssue({ code: 'custom', path: [name], message: 'crm.error.timeWithoutDate' });
  }) as unknown as z.ZodObject<Record<keyof CrmFormInput<E>, z.ZodType>> & z.ZodType<CrmFormInput<E>>;
}

export const ticketCrmSchema = (locale: Locale) => crmFormSchema('ticket', locale);
export type TicketCrmInput = CrmFormInput<'ticket'>;

export const partnerCrmSchema = crmFormSchema('partner', 'de');
export type PartnerCrmInput = CrmFormInput<'partner'>;
