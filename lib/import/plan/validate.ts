// The field rules of the forms, applied to imported values: the create schemas of partners, contacts and
// tickets (lib/partners, lib/contacts, lib/tickets) field by field, so import and forms share one rule.
import type { z } from 'zod';
import type { ExportEntity } from '@/db/schema';
import type { MessageKey } from '@/lib/i18n';
import { contactSchema } from '@/lib/contacts/schemas';
import { partnerMasterDataSchema } from '@/lib/partners/schemas';
import { createTicketSchema } from '@/lib/tickets/schemas';
import { crmFieldSchema } from '@/lib/crm/schemas';
import type { ImportField } from './fields';

const SHAPES: Record<ExportEntity, Record<string, z.ZodType>> = {
  partners: partnerMasterDataSchema.shape,
  contacts: { ...contactSchema.shape },
  tickets: { title: createTicketSchema.shape.title },
};

export type FieldCheck = { ok: true; value: unknown } | { ok: false; reason: MessageKey; params?: Record<string, string | number> };

const REASONS: Record<string, MessageKey> = {
  required: 'import.plan.required',
  tooLong: 'import.plan.tooLong',
  invalidEmail: 'import.plan.invalidEmail',
  'crm.error.wholeNumber': 'import.values.tooLarge',
};

/** The CRM form's rule of a text or whole-number property (comments up to 2,000 characters, counts up to 10 million). */
function crmSchema(field: ImportField): z.ZodType | undefined {
  const kind = field.property?.kind;
  return kind === 'text' || kind === 'integer' ? crmFieldSchema(field.property!, 'de') : undefined;
}

/** The field's value as the form's schema makes it (trimmed, `https://` added), or why it is refused. */
export function checkField(entity: ExportEntity, field: ImportField, value: unknown): FieldCheck {
  if (typeof value === 'number' && value < 0) return { ok: false, reason: 'import.plan.negative' };
  const crm = crmSchema(field);
  if (crm) {
    const parsed = crm.safeParse(value === null ? '' : String(value));
    if (!parsed.success) return refusal(parsed.error.issues[0]);
    return { ok: true, value };
  }
  const schema = SHAPES[entity][field.key];
  if (schema) {
    const parsed = schema.safeParse(value ?? '');
    return parsed.success ? { ok: true, value: parsed.data } : refusal(parsed.error.issues[0]);
  }
  return { ok: true, value };
}

function refusal(issue: z.core.$ZodIssue): FieldCheck {
  const reason = REASONS[issue.message] ?? 'import.plan.invalid';
  const max = (issue as { maximum?: number | bigint }).maximum;
  return max === undefined ? { ok: false, reason } : { ok: false, reason, params: { max: Number(max) } };
}

/** The fields a new record must have (their schema refuses nothing): partner name, contact last name, ticket title. */
export function requiredKeys(entity: ExportEntity): string[] {
  return Object.entries(SHAPES[entity])
    .filter(([key, schema]) => key !== 'partnerId' && !schema.safeParse(undefined).success)
    .map(([key]) => key);
}
