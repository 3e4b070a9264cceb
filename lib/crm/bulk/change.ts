// What a bulk change sets (SPEC section 16): one field of every chosen CRM ticket. The kinds, the form's
// schema (the same for the choice, the confirmation and the action) and the form's field names.
import { z } from 'zod';
import { idSchema } from '@/lib/validation';
import { isoDate } from '../dashboard/params';

export const BULK_CHANGE_KINDS = [
  'crmStatus',
  'assignee',
  'expectedClose',
  'probability',
  'addProduct',
  'removeProduct',
  'addCampaign',
  'removeCampaign',
] as const;
export type BulkChangeKind = (typeof BULK_CHANGE_KINDS)[number];

/** What a bulk change sets; stored as JSON in bulk_changes.change. */
export type BulkChange =
  | { kind: 'crmStatus'; crmStatusId: number; lostReasonId: number | null }
  | { kind: 'assignee'; assigneeId: number | null }
  | { kind: 'expectedClose'; expectedClose: string | null }
  | { kind: 'probability'; probability: number | null }
  | { kind: 'addProduct' | 'removeProduct'; productId: number }
  | { kind: 'addCampaign' | 'removeCampaign'; campaignId: number };

/** The form's fields besides `kind`, by kind: the names the forms, the URL and the errors use. */
export const BULK_FIELDS = {
  crmStatus: ['crmStatusId', 'lostReasonId'],
  assignee: ['assigneeId'],
  expectedClose: ['expectedClose'],
  probability: ['probability'],
  addProduct: ['productId'],
  removeProduct: ['productId'],
  addCampaign: ['campaignId'],
  removeCampaign: ['campaignId'],
} as const satisfies Record<BulkChangeKind, readonly string[]>;

/** A single optional choice from a select: '' means none. */
const optionalIdSchema = z
  .union([z.literal('').transform(() => null), idSchema])
  .optional()
  .transform((value) => value ?? null);

const requiredId = z
  .preprocess((value) => (value === '' ? undefined : value), idSchema.optional())
  .refine((id) => id !== undefined, {
    message: 'bulk.error.choose',
  });

const dateSchema = z
  .string()
  .trim()
  .optional()
  .default('')
  .refine((text) => text === '' || isoDate(text) !== null, { message: 'bulk.error.date' })
  .transform((text) => (text === '' ? null : text));

const probabilitySchema = z
  .string()
  .trim()
  .optional()
  .default('')
  .refine((text) => text === '' || (/^\d{1,3}$/.test(text) && Number(text) <= 100), { message: 'bulk.error.probability' })
  .transform((text) => (text === '' ? null : Number(text)));

/** The change as sent by a form (or read back from the URL of the confirmation). */
export const bulkChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('crmStatus'), crmStatusId: requiredId, lostReasonId: optionalIdSchema }),
  z.object({ kind: z.literal('assignee'), assigneeId: optionalIdSchema }),
  z.object({ kind: z.literal('expectedClose'), expectedClose: dateSchema }),
  z.object({ kind: z.literal('probability'), probability: probabilitySchema }),
  z.object({ kind: z.enum(['addProduct', 'removeProduct']), productId: requiredId }),
  z.object({ kind: z.enum(['addCampaign', 'removeCampaign']), campaignId: requiredId }),
]);

/** A parsed change as the BulkChange it stores (zod's optional ids made definite). */
export function toBulkChange(parsed: z.infer<typeof bulkChangeSchema>): BulkChange {
  return parsed as BulkChange;
}

export function isBulkChangeKind(value: unknown): value is BulkChangeKind {
  return typeof value === 'string' && (BULK_CHANGE_KINDS as readonly string[]).includes(value);
}

/** The change's fields as URL/form values (for hidden fields and the way back to the choice). */
export function bulkChangeValues(change: BulkChange): Record<string, string> {
  const values: Record<string, string> = { kind: change.kind };
  for (const field of BULK_FIELDS[change.kind]) {
    const value = (change as Record<string, unknown>)[field];
    values[field] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}
