// The URL of /crm/outcomes: the dashboard's parameters (filters kept as they are, so the link back
// shows the same view) and `row=`, the key whose groups the win rates are given for.
import type { Phase } from '@/db/schema';
import { paramProblem, paramValues, type ParamProblem, type RawParams } from '@/lib/url-params';
import { GROUP_KEYS, parseDashboardParams, type DashboardParams, type GroupKey } from '../dashboard/params';

/** By status the rows would only split Gewonnen from Verloren: the Bearbeiter says more. */
export const DEFAULT_ROW_KEY: GroupKey = 'assignee';

/** The phases that have an outcome. */
export const CLOSED_PHASES = ['won', 'lost'] as const satisfies readonly Phase[];
export type ClosedPhase = (typeof CLOSED_PHASES)[number];

export type OutcomesView = { params: DashboardParams; row: GroupKey; problems: ParamProblem[] };

export function parseOutcomesView(raw: RawParams): OutcomesView {
  const { params, problems } = parseDashboardParams(raw);
  const [value] = paramValues(raw, 'row');
  const row = GROUP_KEYS.find((key) => key === value);
  if (value !== undefined && !row) problems.push(paramProblem('row', value));
  return { params, row: row ?? DEFAULT_ROW_KEY, problems };
}

/**
 * The view's phase filter narrowed to won and lost: all of both when none is chosen, else those
 * chosen (none left when only `open` is: open tickets have no outcome yet).
 */
export function closedPhasesOf(params: DashboardParams): ClosedPhase[] {
  if (params.phase.length === 0) return [...CLOSED_PHASES];
  return CLOSED_PHASES.filter((phase) => params.phase.includes(phase));
}
