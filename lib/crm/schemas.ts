// Input schemas of the CRM forms (ticket panel, partner tab), shared by forms and actions.
import { z } from 'zod';
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

const optionalEuro = z
  .string()
  .trim()
  .max(40, { message: 'crm.error.potential' })
  .optional()
  .default('')
  .refine((text) => text === '' || (parseEuroToCents(text) ?? -1) >= 0, { message: 'crm.error.potential' })
  .transform((text) => (text === '' ? null : parseEuroToCents(text)));

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

const comment = z.string().max(2000, { message: 'tooLong' }).optional().default('');

export const ticketCrmEnabledSchema = z.object({
  id: idSchema,
  version: versionSchema,
  enabled: z.enum(['true', 'false'], { message: 'invalid' }).transform((value) => value === 'true'),
});

export const ticketCrmSchema = z.object({
  id: idSchema,
  version: versionSchema,
  crmStatusId: optionalIdSchema,
  probability: optionalWholeNumber(100, 'crm.error.probability'),
  potential: optionalEuro,
  expectedUsers: optionalWholeNumber(10_000_000, 'crm.error.wholeNumber'),
  campaigns: chosenIdsSchema,
  products: chosenIdsSchema,
  newCampaigns: newNamesSchema,
  newProducts: newNamesSchema,
});
export type TicketCrmInput = z.infer<typeof ticketCrmSchema>;

export const partnerCrmSchema = z.object({
  id: idSchema,
  version: versionSchema,
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
