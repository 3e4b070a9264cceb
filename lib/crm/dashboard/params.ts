// The URL parameters of the CRM dashboard (SPEC section 8): one definition shared by the page,
// the CSV export, the JSON API and links between views. Parsed leniently for pages (invalid
// values are reported and ignored) and strictly for the API (400 naming the parameter).
import { TICKET_STATUSES, type TicketStatus } from '@/db/schema';
import { paramProblem, paramValues, readIds, type IdChoice, type ParamProblem, type RawParams } from '@/lib/url-params';

export type { IdChoice };

// The filter parameters and grouping keys come from the CRM property registry.
import { GROUP_KEYS, ID_FILTERS, type GroupKey, type IdFilter } from './dimensions';
export { GROUP_KEYS, ID_FILTERS, type GroupKey, type IdFilter };

export const MAX_GROUP_LEVELS = 4;
export const DEFAULT_GROUP_BY: GroupKey[] = ['crmStatus'];

export type DashboardParams = {
  filters: Record<IdFilter, IdChoice>;
  ticketStatus: TicketStatus[];
  usersFrom: number | null;
  usersTo: number | null;
  groupBy: GroupKey[];
};

export type DashboardProblem = ParamProblem;

const MAX_USERS = 10_000_000;

export function emptyDashboardParams(): DashboardParams {
  const filters = {} as Record<IdFilter, IdChoice>;
  for (const key of ID_FILTERS) filters[key] = { ids: [], none: false };
  return {
    filters,
    ticketStatus: [],
    usersFrom: null,
    usersTo: null,
    groupBy: [...DEFAULT_GROUP_BY],
  };
}

function bound(value: string): number | null {
  return /^\d{1,9}$/.test(value) && Number(value) <= MAX_USERS ? Number(value) : null;
}

export function parseDashboardParams(raw: RawParams): { params: DashboardParams; problems: DashboardProblem[] } {
  const params = emptyDashboardParams();
  const problems: DashboardProblem[] = [];
  const problem = (param: string, value: string) => problems.push(paramProblem(param, value));

  for (const key of ID_FILTERS) {
    const { ids, none, invalid } = readIds(paramValues(raw, key), { allowNone: true });
    params.filters[key] = { ids, none };
    for (const value of invalid) problem(key, value);
  }
  for (const value of paramValues(raw, 'ticketStatus')) {
    const status = TICKET_STATUSES.find((candidate) => candidate === value);
    if (status) {
      if (!params.ticketStatus.includes(status)) params.ticketStatus.push(status);
    } else problem('ticketStatus', value);
  }
  for (const name of ['usersFrom', 'usersTo'] as const) {
    const [value] = paramValues(raw, name);
    if (value === undefined) continue;
    const parsed = bound(value);
    if (parsed === null) problem(name, value);
    else params[name] = parsed;
  }

  const groupValues = paramValues(raw, 'groupBy');
  if (groupValues.length > 0) {
    const groupBy: GroupKey[] = [];
    let invalid = false;
    for (const part of groupValues
      .join(',')
      .split(',')
      .map((item) => item.trim())) {
      if (part === '' || part === 'none') continue;
      const key = GROUP_KEYS.find((candidate) => candidate === part);
      if (!key || groupBy.includes(key) || groupBy.length >= MAX_GROUP_LEVELS) {
        problem('groupBy', part);
        invalid = true;
      } else groupBy.push(key);
    }
    // Nothing usable left of a broken groupBy: keep the default rather than silently ungroup.
    params.groupBy = groupBy.length === 0 && invalid ? [...DEFAULT_GROUP_BY] : groupBy;
  }
  return { params, problems };
}

/** The query string of a view, in a stable order; omits what equals the default. */
export function serialiseDashboardParams(params: DashboardParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ID_FILTERS) {
    for (const id of params.filters[key].ids) search.append(key, String(id));
    if (params.filters[key].none) search.append(key, 'none');
  }
  for (const status of params.ticketStatus) search.append('ticketStatus', status);
  if (params.usersFrom !== null) search.set('usersFrom', String(params.usersFrom));
  if (params.usersTo !== null) search.set('usersTo', String(params.usersTo));
  const groupBy = params.groupBy.join(',');
  if (groupBy !== DEFAULT_GROUP_BY.join(',')) search.set('groupBy', groupBy || 'none');
  return search;
}

/**
 * The query string without its empty values (`usersFrom=&partnerQuery=` from a submitted filter
 * form), or null when it has none: links and the address bar carry only what the view uses.
 */
export function withoutEmptyValues(raw: Record<string, string | string[] | undefined>): URLSearchParams | null {
  const search = new URLSearchParams();
  let dropped = false;
  for (const [name, value] of Object.entries(raw)) {
    // Only texts: a hostile name such as `hasOwnProperty` may reach here as anything.
    for (const item of [value ?? []].flat().filter((text): text is string => typeof text === 'string')) {
      if (item.trim() === '') dropped = true;
      else search.append(name, item);
    }
  }
  return dropped ? search : null;
}
