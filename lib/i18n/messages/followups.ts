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

  // The dashboard and the board (filters, the Nächste Aktion grouping, at-risk totals, CSV columns).
  'followups.filter.nextAction': 'Nächste Aktion',
  'followups.filter.stale': 'Nur veraltete',
  'followups.dim.nextActionState': 'Nächste Aktion',
  'followups.empty.nextActionState': '(ohne nächste Aktion)',
  'followups.atRisk': 'gefährdet',
  'followups.atRiskRow': 'davon gefährdet',
  'followups.atRiskFigures': 'gefährdet: {figures}',
  'followups.atRiskTitle': 'Offen und veraltet, die nächste Aktion überfällig oder keine gesetzt.',
  'followups.col.nextAction': 'Nächste Aktion',
  'followups.col.nextActionText': 'Nächste Aktion (Text)',
  'followups.col.state': 'Wiedervorlage',
  'followups.col.staleDays': 'Veraltet seit (Tagen)',
  'followups.col.atRisk': 'Gefährdet',
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

  // The dashboard and the board (filters, the Nächste Aktion grouping, at-risk totals, CSV columns).
  'followups.filter.nextAction': 'Next action',
  'followups.filter.stale': 'Stale only',
  'followups.dim.nextActionState': 'Next action',
  'followups.empty.nextActionState': '(no next action)',
  'followups.atRisk': 'at risk',
  'followups.atRiskRow': 'of which at risk',
  'followups.atRiskFigures': 'at risk: {figures}',
  'followups.atRiskTitle': 'Open and stale, the next action overdue, or none set.',
  'followups.col.nextAction': 'Next action',
  'followups.col.nextActionText': 'Next action (text)',
  'followups.col.state': 'Follow-up',
  'followups.col.staleDays': 'Stale for (days)',
  'followups.col.atRisk': 'At risk',
};
