// Input schemas for tickets, shared by the forms and their actions, and the values a ticket form
// carries through the no-JavaScript picker search (a GET of the whole form to the same page).
import { z } from 'zod';
import { TICKET_STATUSES, type TicketStatus } from '@/db/schema';
import { idSchema, versionSchema } from '@/lib/validation';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;

/** An empty select or hidden field means "none". */
const optionalIdSchema = z.preprocess((value) => (value === '' || value === undefined ? null : value), idSchema.nullable());

const statusSchema = z.enum(TICKET_STATUSES, { message: 'invalid' });

const ticketFields = {
  title: z.string({ message: 'required' }).trim().min(1, { message: 'required' }).max(TITLE_MAX, { message: 'tooLong' }),
  description: z.string().max(DESCRIPTION_MAX, { message: 'tooLong' }).default(''),
  partnerId: optionalIdSchema,
  contactId: optionalIdSchema,
  assigneeId: optionalIdSchema,
};

/** A ticket names a partner, a contact, or both; checked once both ids are themselves valid. */
const PARTNER_OR_CONTACT = {
  check: (input: { partnerId: number | null; contactId: number | null }) => input.partnerId !== null || input.contactId !== null,
  params: {
    path: ['partnerId'],
    message: 'tickets.error.partnerOrContactRequired',
    when: (payload: { issues: { path?: PropertyKey[] }[] }) =>
      !payload.issues.some((issue) => issue.path?.[0] === 'partnerId' || issue.path?.[0] === 'contactId'),
  },
};

export const createTicketSchema = z
  .object({ ...ticketFields, status: statusSchema.default('open') })
  .refine(PARTNER_OR_CONTACT.check, PARTNER_OR_CONTACT.params);
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const updateTicketSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    ...ticketFields,
    /** Set when the form came back from the no-JS picker search: its page URL still carries the draft. */
    fromPickerSearch: z.literal('1').optional(),
  })
  .refine(PARTNER_OR_CONTACT.check, PARTNER_OR_CONTACT.params);
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>;

export const setTicketStatusSchema = z.object({ id: idSchema, version: versionSchema, status: statusSchema });
export type SetTicketStatusInput = z.infer<typeof setTicketStatusSchema>;

export const takeOverTicketSchema = z.object({ id: idSchema, version: versionSchema });
export type TakeOverTicketInput = z.infer<typeof takeOverTicketSchema>;

/** What a ticket form shows again after the no-JavaScript picker search; absent fields stay undefined. */
export type TicketFormDraft = {
  title?: string;
  description?: string;
  partnerId?: number | null;
  contactId?: number | null;
  assigneeId?: string;
  status?: TicketStatus;
  version?: number;
  partnerQuery: string;
  contactQuery: string;
};

type RawSearchParams = Record<string, string | string[] | undefined>;

function first(raw: RawSearchParams, name: string): string | undefined {
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

function optionalId(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The form values found in a page's search parameters (bounded, never an error): present after the
 * picker's "Suchen" submitted the form by GET, or when a link preselects a partner or contact.
 */
export function ticketFormDraft(raw: RawSearchParams): TicketFormDraft {
  const status = statusSchema.safeParse(first(raw, 'status'));
  const version = versionSchema.safeParse(first(raw, 'version'));
  return {
    title: first(raw, 'title')?.slice(0, TITLE_MAX),
    description: first(raw, 'description')?.slice(0, DESCRIPTION_MAX),
    partnerId: optionalId(first(raw, 'partnerId')),
    contactId: optionalId(first(raw, 'contactId')),
    assigneeId: first(raw, 'assigneeId'),
    status: status.success ? status.data : undefined,
    version: version.success ? version.data : undefined,
    partnerQuery: (first(raw, 'partnerQuery') ?? '').trim().slice(0, 100),
    contactQuery: (first(raw, 'contactQuery') ?? '').trim().slice(0, 100),
  };
}

/** True when the page was reached by the picker search, i.e. it shows unsaved input. */
export function isPickerSearch(raw: RawSearchParams): boolean {
  return raw.partnerQuery !== undefined || raw.contactQuery !== undefined;
}
