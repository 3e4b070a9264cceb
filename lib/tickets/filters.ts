// The URL parameters of a ticket list (SPEC section 6): parsed from a query string, serialised back.
// One definition for the ticket list, saved ticket-board queries and the data manager.
import { z } from 'zod';
import { PHASES, TICKET_STATUSES, type Phase, type TicketStatus } from '@/db/schema';
import { paramProblem, paramValues, type ParamProblem as UrlParamProblem, type RawParams } from '@/lib/url-params';
import { idSchema } from '@/lib/validation';

export type TicketListParams = {
  status: TicketStatus[];
  /** User ids; `me` stands for the signed-in user. */
  assignee: (number | 'me')[];
  partner: number | null;
  /** A contact's tickets (the contact page links its full list this way). */
  contact: number | null;
  q: string;
  /** CRM criteria, for `crm` users only. */
  crm: 'on' | 'off' | null;
  crmStatus: number[];
  revenueGroup: number[];
  /** Phase of the CRM status (SPEC section 14); matches CRM-enabled tickets only. */
  crmPhase: Phase[];
  /** "schließt in den nächsten N Tagen": expected close from today through today + N (Berlin dates). */
  closeWithin: number | null;
  /** "überfällig": expected close before today, phase open. */
  overdue: boolean;
};

/** The longest close window a query may ask for: ten years. */
export const MAX_CLOSE_WITHIN_DAYS = 3650;

export const CRM_PARAMS = ['crm', 'crmStatus', 'revenueGroup', 'crmPhase', 'closeWithin', 'overdue'] as const;
export const TICKET_LIST_PARAMS = ['status', 'assignee', 'partner', 'contact', 'q', ...CRM_PARAMS] as const;
type ParamName = (typeof TICKET_LIST_PARAMS)[number];

/** Why a parameter was ignored: `invalid` value, or `crmForbidden` for a user without `crm`. */
export type ParamProblem = UrlParamProblem<ParamName>;

export const EMPTY_TICKET_LIST_PARAMS: TicketListParams = {
  status: [],
  assignee: [],
  partner: null,
  contact: null,
  q: '',
  crm: null,
  crmStatus: [],
  revenueGroup: [],
  crmPhase: [],
  closeWithin: null,
  overdue: false,
};

const valueSchemas = {
  status: z.enum(TICKET_STATUSES),
  assignee: z.union([z.literal('me'), idSchema]),
  partner: idSchema,
  contact: idSchema,
  q: z.string().max(200),
  crm: z.enum(['on', 'off']),
  crmStatus: idSchema,
  revenueGroup: idSchema,
  crmPhase: z.enum(PHASES),
  // Digits only (no "1e3", "+5"), as ids are read.
  closeWithin: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().min(1).max(MAX_CLOSE_WITHIN_DAYS)),
  // A checkbox sends `on`; links carry `1`.
  overdue: z.enum(['1', 'on']).transform(() => true),
} satisfies Record<ParamName, z.ZodType>;

const REPEATABLE = new Set<ParamName>(['status', 'assignee', 'crmStatus', 'revenueGroup', 'crmPhase']);

/**
 * Reads the parameters a user may use. Invalid values and CRM criteria of a user without `crm` are
 * reported and ignored, never applied.
 */
export function parseTicketListParams(
  raw: RawParams,
  options: { allowCrm: boolean },
): { params: TicketListParams; problems: ParamProblem[] } {
  const params: TicketListParams = structuredClone(EMPTY_TICKET_LIST_PARAMS);
  const problems: ParamProblem[] = [];
  for (const name of TICKET_LIST_PARAMS) {
    const values = paramValues(raw, name);
    if (values.length === 0) continue;
    if ((CRM_PARAMS as readonly string[]).includes(name) && !options.allowCrm) {
      problems.push(paramProblem(name, values.join(', '), 'crmForbidden'));
      continue;
    }
    const accepted: unknown[] = [];
    for (const value of REPEATABLE.has(name) ? values : values.slice(0, 1)) {
      const parsed = valueSchemas[name].safeParse(value);
      if (parsed.success) accepted.push(parsed.data);
      else problems.push(paramProblem(name, value));
    }
    if (accepted.length === 0) continue;
    const unique = [...new Set(accepted)];
    Object.assign(params, { [name]: REPEATABLE.has(name) ? unique : unique[0] });
  }
  return { params, problems };
}

/** The query string of a parameter set, in a stable order (so equal lists give equal URLs). */
export function serialiseTicketListParams(params: TicketListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const status of params.status) search.append('status', status);
  for (const assignee of params.assignee) search.append('assignee', String(assignee));
  if (params.partner !== null) search.set('partner', String(params.partner));
  if (params.contact !== null) search.set('contact', String(params.contact));
  if (params.q) search.set('q', params.q);
  if (params.crm) search.set('crm', params.crm);
  for (const id of params.crmStatus) search.append('crmStatus', String(id));
  for (const id of params.revenueGroup) search.append('revenueGroup', String(id));
  for (const phase of params.crmPhase) search.append('crmPhase', phase);
  if (params.closeWithin !== null) search.set('closeWithin', String(params.closeWithin));
  if (params.overdue) search.set('overdue', '1');
  return search;
}

export function usesCrmCriteria(params: TicketListParams): boolean {
  return (
    params.crm !== null ||
    params.crmStatus.length > 0 ||
    params.revenueGroup.length > 0 ||
    params.crmPhase.length > 0 ||
    params.closeWithin !== null ||
    params.overdue
  );
}

/**
 * CRM-Status and Umsatzgruppe ids that name no entry on offer are reported and dropped: every filter
 * applied is one the form shows (and keeps on the next "Anwenden").
 */
export function dropUnknownCrmIds(
  params: TicketListParams,
  offered: { crmStatus: readonly number[]; revenueGroup: readonly number[] },
): { params: TicketListParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const keep = (name: 'crmStatus' | 'revenueGroup') =>
    params[name].filter((id) => {
      if (offered[name].includes(id)) return true;
      problems.push(paramProblem(name, String(id)));
      return false;
    });
  return { params: { ...params, crmStatus: keep('crmStatus'), revenueGroup: keep('revenueGroup') }, problems };
}
