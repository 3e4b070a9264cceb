// Input schemas of the ticket board's queries, shared by the forms and their actions. A query's
// parameters are the fields of the ticket list's URL (lib/tickets/filters.ts): the schema turns them
// into the saved query string. Whether the user may use CRM criteria is the mutation's check: the
// schema has no user. Messages are i18n keys.
import { z } from 'zod';
import { parseTicketListParams, TICKET_LIST_PARAMS, type TicketListParams } from '@/lib/tickets/filters';
import { idSchema, versionSchema } from '@/lib/validation';
import { storedQueryName } from './defaults';

/** A user's board stays readable and fast (SPEC section 13: 8 columns measured, some headroom). */
export const MAX_QUERIES = 20;

const nameSchema = z.string().trim().min(1, { message: 'required' }).max(80, { message: 'tooLong' }).transform(storedQueryName);
const anyValues = z.union([z.string(), z.array(z.string())]).optional();

/** The ticket-list fields of a form; the CRM select sends '' for "any". */
const paramFields = Object.fromEntries(TICKET_LIST_PARAMS.map((name) => [name, anyValues])) as Record<
  (typeof TICKET_LIST_PARAMS)[number],
  typeof anyValues
>;

type RawFields = Partial<Record<(typeof TICKET_LIST_PARAMS)[number], string | string[]>>;

/** Parses the fields like the ticket list parses its URL; an invalid value is a field error, not dropped. */
function paramsOf(input: RawFields, ctx: z.RefinementCtx): TicketListParams {
  const search = new URLSearchParams();
  for (const name of TICKET_LIST_PARAMS) for (const value of [input[name] ?? []].flat()) search.append(name, value);
  // CRM criteria are parsed here for everyone; the mutation refuses them for a user without `crm`.
  const { params, problems } = parseTicketListParams(search, { allowCrm: true });
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: [problem.param], message: 'ticketboard.error.invalidParam' });
  return params;
}

export const createQuerySchema = z
  .object({ name: nameSchema, ...paramFields })
  .transform((input, ctx) => ({ name: input.name, params: paramsOf(input, ctx) }));
export type CreateQueryInput = z.infer<typeof createQuerySchema>;

export const updateQuerySchema = z
  .object({ id: idSchema, version: versionSchema, name: nameSchema, ...paramFields })
  .transform((input, ctx) => ({ id: input.id, version: input.version, name: input.name, params: paramsOf(input, ctx) }));
export type UpdateQueryInput = z.infer<typeof updateQuerySchema>;

export const renameQuerySchema = z.object({ id: idSchema, version: versionSchema, name: nameSchema });
export const duplicateQuerySchema = z.object({ id: idSchema });
export const deleteQuerySchema = z.object({ id: idSchema, version: versionSchema });
export const moveQuerySchema = z.object({ id: idSchema, direction: z.enum(['left', 'right'], { message: 'invalid' }) });

/** A whole new order, as drag and drop sends it: every one of the user's query ids exactly once. */
export const reorderQueriesSchema = z.object({
  ids: z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(idSchema).min(1).max(MAX_QUERIES)),
});
