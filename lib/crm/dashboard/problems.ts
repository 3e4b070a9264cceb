// What the dashboard says about its URL: the field a bad value was meant for, by its label (not
// the parameter's name), and a Benutzergröße range that no ticket can meet.
import type { MessageKey } from '@/lib/i18n';
import { DIMENSION_KEYS, DIMENSIONS } from './dimensions';
import type { DashboardParams } from './params';

const OTHER_LABELS: Record<string, MessageKey> = {
  usersFrom: 'dashboard.usersFrom',
  usersTo: 'dashboard.usersTo',
  closeFrom: 'dashboard.closeFrom',
  closeTo: 'dashboard.closeTo',
  slipped: 'dashboard.slipped',
  nextAction: 'followups.filter.nextAction',
  stale: 'followups.filter.stale',
  groupBy: 'dashboard.grouping',
  open: 'dashboard.openGroup',
};

/** The label of the field a URL parameter sets; null for a parameter the dashboard does not know. */
export function parameterLabel(param: string): MessageKey | null {
  const key = DIMENSION_KEYS.find((candidate) => candidate === param);
  return key ? DIMENSIONS[key].label : (OTHER_LABELS[param] ?? null);
}

/** "von" above "bis": the filter stays as given (no ticket matches), and the page says why. */
export function usersRangeInverted(params: DashboardParams): boolean {
  return params.usersFrom !== null && params.usersTo !== null && params.usersFrom > params.usersTo;
}

/** A close window whose start lies after its end. */
export function closeRangeInverted(params: DashboardParams): boolean {
  return params.closeFrom !== null && params.closeTo !== null && params.closeFrom > params.closeTo;
}
