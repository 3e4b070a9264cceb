// The URL parameters of the forecast (SPEC section 15): the dashboard's filters, plus the first
// month (`from=YYYY-MM`), how many months (`months=N`) and the row key (`row=`). Parsed leniently
// for the page (a bad value is named and the default used) and strictly for JSON and CSV.
import { berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { GROUP_KEYS, parseDashboardParams, serialiseDashboardParams, type DashboardParams, type GroupKey } from '../dashboard/params';
import { paramProblem, paramValues, type ParamProblem, type RawParams } from '@/lib/url-params';

export const DEFAULT_FORECAST_MONTHS = 12;
export const MAX_FORECAST_MONTHS = 24;
export const DEFAULT_FORECAST_ROW: GroupKey = 'crmStatus';

/** The parameters the forecast reads beside the dashboard's filters. */
export const FORECAST_PARAMS = ['from', 'months', 'row'] as const;

export type ForecastParams = {
  /** The dashboard view as sent (its `phase` and `groupBy` included), for links back to the dashboard. */
  view: DashboardParams;
  /** The first month, `YYYY-MM`. */
  from: string;
  months: number;
  row: GroupKey;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The current month in Europe/Berlin, `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return berlinIsoDate(now).slice(0, 7);
}

/** The month `offset` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The forecast's months in order. */
export function forecastMonths({ from, months }: Pick<ForecastParams, 'from' | 'months'>): string[] {
  return Array.from({ length: months }, (_, index) => addMonths(from, index));
}

/**
 * The dashboard parameters the forecast's figures are read with: the view's filters, open tickets
 * only (whatever `phase` says), no grouping (the row key is the forecast's own).
 */
export function forecastFilters(params: ForecastParams): DashboardParams {
  return { ...params.view, phase: ['open'], groupBy: [] };
}

export function parseForecastParams(raw: RawParams, now: Date = new Date()): { params: ForecastParams; problems: ParamProblem[] } {
  const dashboard = parseDashboardParams(raw);
  // The forecast overrides `phase` and has its own rows instead of `groupBy`: their values do not matter here.
  const problems = dashboard.problems.filter((problem) => problem.param !== 'phase' && problem.param !== 'groupBy');
  const params: ForecastParams = {
    view: dashboard.params,
    from: currentMonth(now),
    months: DEFAULT_FORECAST_MONTHS,
    row: DEFAULT_FORECAST_ROW,
  };

  const [from] = paramValues(raw, 'from');
  if (from !== undefined) {
    const match = MONTH.exec(from);
    if (match && Number(match[1]) >= 1000) params.from = from;
    else problems.push(paramProblem('from', from));
  }
  const [months] = paramValues(raw, 'months');
  if (months !== undefined) {
    const count = /^\d{1,2}$/.test(months) ? Number(months) : 0;
    if (count >= 1 && count <= MAX_FORECAST_MONTHS) params.months = count;
    else problems.push(paramProblem('months', months));
  }
  const [row] = paramValues(raw, 'row');
  if (row !== undefined) {
    const key = GROUP_KEYS.find((candidate) => candidate === row);
    if (key) params.row = key;
    else problems.push(paramProblem('row', row));
  }
  return { params, problems };
}

/** The query string of a forecast: the dashboard view's, then `from`, `months` and `row` where not the default. */
export function serialiseForecastParams(params: ForecastParams, now: Date = new Date()): URLSearchParams {
  const search = serialiseDashboardParams(params.view);
  if (params.from !== currentMonth(now)) search.set('from', params.from);
  if (params.months !== DEFAULT_FORECAST_MONTHS) search.set('months', String(params.months));
  if (params.row !== DEFAULT_FORECAST_ROW) search.set('row', params.row);
  return search;
}
