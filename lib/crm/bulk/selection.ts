// Which tickets a bulk change applies to (SPEC section 16): a dashboard view's filters with one of its
// groups (`open=`, a path of up to as many levels as `groupBy`: a dashboard group, a board column), or
// chosen tickets (`ticket=` repeated). Parsed strictly: a value that cannot be read refuses the whole
// change rather than changing a different set than the user saw. Only CRM-enabled tickets ever count.
import { sql, type SQL } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { paramProblem, paramValues, rawValue, type ParamProblem, type RawParams } from '@/lib/url-params';
import { idSchema } from '@/lib/validation';
import { list, withFilteredTickets, type ValueContext } from '../dashboard/filter-sql';
import { groupSteps, parseGroupPath, serialiseGroupPath, type GroupPath } from '../dashboard/group-path';
import { parseDashboardParams, serialiseDashboardParams, type DashboardParams } from '../dashboard/params';

/** At most this many chosen tickets travel in a URL. */
export const MAX_CHOSEN_TICKETS = 1000;

export type BulkSelection = { kind: 'view'; params: DashboardParams; path: GroupPath | null } | { kind: 'tickets'; ids: number[] };

export function parseBulkSelection(raw: RawParams): { selection: BulkSelection | null; problems: ParamProblem[] } {
  const chosen = paramValues(raw, 'ticket');
  // `chosen=1`: sent by the list's selection form, so none ticked is an empty choice, never the whole view.
  if (chosen.length > 0 || paramValues(raw, 'chosen').length > 0) {
    const ids: number[] = [];
    for (const value of chosen) {
      const id = idSchema.safeParse(value);
      if (!id.success) return { selection: null, problems: [paramProblem('ticket', value)] };
      if (!ids.includes(id.data)) ids.push(id.data);
    }
    if (ids.length > MAX_CHOSEN_TICKETS) return { selection: null, problems: [paramProblem('ticket', String(ids.length))] };
    return { selection: { kind: 'tickets', ids }, problems: [] };
  }
  const { params, problems } = parseDashboardParams(raw);
  const open = [rawValue(raw, 'open') ?? []].flat()[0]?.trim() ?? '';
  // A group of an outer level names fewer ids than the view has levels: its own prefix of groupBy.
  const levels = open === '' ? 0 : open.split('.').length;
  const opened = parseGroupPath(open, params.groupBy.slice(0, Math.min(levels, params.groupBy.length)));
  if (levels > params.groupBy.length && !opened.problem) problems.push(paramProblem('open', open));
  if (opened.problem) problems.push(opened.problem);
  if (problems.length > 0) return { selection: null, problems };
  return { selection: { kind: 'view', params, path: opened.path }, problems: [] };
}

/** The selection as URL parameters: what the confirmation and the action carry to name the same tickets. */
export function serialiseBulkSelection(selection: BulkSelection): URLSearchParams {
  if (selection.kind === 'tickets') return new URLSearchParams([['chosen', '1'], ...selection.ids.map((id) => ['ticket', String(id)])]);
  const search = serialiseDashboardParams(selection.params);
  if (selection.path) search.set('open', serialiseGroupPath(selection.path));
  return search;
}

/** A query answering the ids of the selected CRM tickets (`id`), to insert into a temporary table. */
export function selectedTicketIds(selection: BulkSelection, context: ValueContext): SQL {
  if (selection.kind === 'tickets') {
    return sql`select ${tickets.id} as id from ${tickets} where ${tickets.crmEnabled} = 1 and ${tickets.id} in (${list(selection.ids)})`;
  }
  const group = selection.path ? groupSteps(selection.params.groupBy, selection.path) : undefined;
  return sql`${withFilteredTickets({ params: selection.params, context, group })} select id from ft`;
}
