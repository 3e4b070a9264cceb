// Input schemas of the CRM forms (ticket panel, partner tab), shared by forms and actions. Amounts are
// read in the user's language, so the ticket form's schema is made per locale.
import { z } from 'zod';
import type { Locale } from '@/db/schema';
import { parseEuroToCents } from '@/lib/money';
import { idSchema, versionSchema } from '@/lib/validation';
import { chosenIdsSchema, newNamesSchema, optionalIdSchema } from './entries';

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

export const ticketCrmEnabledSchema = z.object({
  id: idSchema,
  crmVersion: versionSchema,
  enabled: z.enum(['true', 'false'], { message: 'invalid' }).transform((value) => value === 'true'),
});

export const ticketCrmSchema = (locale: Locale) =>
  z.object({
    id: idSchema,
    crmVersion: versionSchema,
    crmStatusId: optionalIdSchema,
    probability: optionalPercent,
    potential: optionalEuro(locale),
    expectedUsers: optionalWholeNumber(10_000_000, 'crm.error.wholeNumber'),
    campaigns: chosenIdsSchema,
    products: chosenIdsSchema,
    newCampaigns: newNamesSchema,
    newProducts: newNamesSchema,
  });
export type TicketCrmInput = z.infer<ReturnType<typeof ticketCrmSchema>>;

export const partnerCrmSchema = z.object({
  id: idSchema,
  crmVersion: versionSchema,
  crmPartnerStatusId: optionalIdSchema,
  companyGroupId: optionalIdSchema,
  revenueGroupId: optionalIdSchema,
  dataSourceId: optionalIdSchema,
  employeeCount: optionalWholeNumber(10_000_000, 'crm.error.wholeNumber'),
  newsletter: checkbox,
  isProspect: checkbox,
  comment1: comment,
  comment2: comment,
  comment3: comment,
  comment4: comment,
  campaigns: chosenIdsSchema,
  products: chosenIdsSchema,
  attributes: chosenIdsSchema,
  newCampaigns: newNamesSchema,
  newProducts: newNamesSchema,
});
export type PartnerCrmInput = z.infer<typeof partnerCrmSchema>;
