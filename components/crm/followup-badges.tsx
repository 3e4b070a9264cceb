// A ticket's follow-up badges (SPEC section 17): the next action's state and, for a stale deal, how
// long it has been stale. Text always, colour only as a second cue (globals.css `.followup-*`). No
// hooks: rendered by server components and client leaves (the board, the dashboard's lists) alike.
import type { NextActionState } from '@/lib/crm/followups/clock';
import type { Translate } from '@/lib/i18n';

export function NextActionBadge({ state, title, t }: { state: NextActionState; title?: string; t: Translate }) {
  return (
    <span className={`badge followup-${state}`} title={title}>
      {t('followups.badge', { state: t(`followups.state.${state}`) })}
    </span>
  );
}

/** Nothing for a fresh deal (`days` null). */
export function StaleBadge({ days, title, t }: { days: number | null; title?: string; t: Translate }) {
  if (days === null) return null;
  return (
    <span className="badge followup-stale" title={title}>
      {days === 1 ? t('followups.stale.one') : t('followups.stale.many', { days })}
    </span>
  );
}
