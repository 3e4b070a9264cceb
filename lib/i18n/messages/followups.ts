// Follow-ups and stale deals (SPEC section 17): the next action's badge, staleness, "Meine
// Wiedervorlagen" and the calendar feed.
import type { Messages } from '../types';

export const de = {
  'followups.state.overdue': 'überfällig',
  'followups.state.today': 'heute',
  'followups.state.planned': 'geplant',
  'followups.state.none': 'keine',
  'followups.badge': 'Nächste Aktion: {state}',
  'followups.stale.one': 'veraltet seit 1 Tag',
  'followups.stale.many': 'veraltet seit {days} Tagen',
  'followups.stale.title': 'Letzte CRM-Änderung am {date}; veraltet nach {days} Tagen in diesem Status.',
} as const;

export const en: Messages<typeof de> = {
  'followups.state.overdue': 'overdue',
  'followups.state.today': 'today',
  'followups.state.planned': 'planned',
  'followups.state.none': 'none',
  'followups.badge': 'Next action: {state}',
  'followups.stale.one': 'stale for 1 day',
  'followups.stale.many': 'stale for {days} days',
  'followups.stale.title': 'Last CRM change on {date}; stale after {days} days in this status.',
};
