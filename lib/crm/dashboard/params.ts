// The URL parameters of the CRM dashboard (SPEC section 8): one definition shared by the page,
// the CSV export, the JSON API and links between views. Parsed leniently for pages (invalid
// values are reported and ignored) and strictly for the API (400 naming the parameter).
import { PHASES, TICKET_STATUSES, type Phase, type TicketStatus } from '@/db/schema';
import { paramProblem, paramValues, readIds, type IdChoice, type ParamProblem, type RawParams } from '@/lib/url-params';
import { NEXT_ACTION_STATES, type NextActionState } from '../followups/clock';

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
  phase: Phase[];
  /** Voraussichtlicher Abschluss from / to, `YYYY-MM-DD`, inclusive. */
  closeFrom: string | null;
  closeTo: string | null;
  /** Only tickets whose expected close moved later at least once. */
  slipped: boolean;
  /** The next action's state (SPEC section 17): any of them; none chosen = all. */
  nextAction: NextActionState[];
  /** Only stale deals ("Nur veraltete"). */
  stale: boolean;
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
    phase: [],
    closeFrom: null,
    closeTo: null,
    slipped: false,
    nextAction: [],
    stale: false,
    groupBy: [...DEFAULT_GROUP_BY],
  };
}

function bound(value: string): number | null {
  return /^\d{1,9}$/.test(value) && Number(value) <= MAX_USERS ? Number(value) : null;
}

/** A calendar date `YYYY-MM-DD` that exists, or null. */
export function isoDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** Repeated values of a parameter that must each be one of `allowed`, without duplicates. */
function readKeys<K extends string>(
  raw: RawParams,
  name: string,
  allowed: readonly K[],
  problem: (param: string, value: string) => void,
): K[] {
  const chosen: K[] = [];
  for (const value of paramValues(raw, name)) {
    const key = allowed.find((candidate) => candidate === value);
    if (!key) problem(name, value);
    else if (!chosen.includes(key)) chosen.push(key);
  }
  return chosen;
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
  params.ticketStatus = readKeys(raw, 'ticketStatus', TICKET_STATUSES, problem);
  params.phase = readKeys(raw, 'phase', PHASES, problem);
  for (const name of ['usersFrom', 'usersTo'] as const) {
    const [value] = paramValues(raw, name);
    if (value === undefined) continue;
    const parsed = bound(value);
    if (parsed === null) problem(name, value);
    else params[name] = parsed;
  }
  for (const name of ['closeFrom', 'closeTo'] as const) {
    const [value] = paramValues(raw, name);
    if (value === undefined) continue;
    const parsed = isoDate(value.trim());
    if (parsed === null) problem(name, value);
    else params[name] = parsed;
  }
  params.nextAction = readKeys(raw, 'nextAction', NEXT_ACTION_STATES, problem);
  for (const name of ['slipped', 'stale'] as const) {
    const [value] = paramValues(raw, name);
    if (value === undefined) continue;
    if (value === '1') params[name] = true;
    else if (value !== '0') problem(name, value);
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
  for (const phase of params.phase) search.append('phase', phase);
  if (params.closeFrom !== null) search.set('closeFrom', params.closeFrom);
  if (params.closeTo !== null) search.set('closeTo', params.closeTo);
  if (params.slipped) search.set('slipped', '1');
  for (const state of params.nextAction) search.append('nextAction', state);
  if (params.stale) search.set('stale', '1');
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
