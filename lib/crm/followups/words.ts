// The follow-up badges' words (SPEC section 17), handed to a table, a board or a panel once instead of
// per row, since the group tree and the board's cards render in the browser without the dictionaries.
import type { Translate } from '@/lib/i18n';
import { NEXT_ACTION_STATES, type NextActionState } from './clock';

/** A badge per state, and "veraltet seit 1 Tag" / "… {days} Tagen". */
export type FollowupWords = { states: Record<NextActionState, string>; staleOne: string; staleMany: string };

/**
 * The badges' words; `inColumn`: where a heading already names the field ("Nächste Aktion", a table's
 * column, the panel's block), the badge says the state alone ("überfällig"), some 16 bytes less per row.
 */
export function followupWords(t: Translate, { inColumn = false }: { inColumn?: boolean } = {}): FollowupWords {
  const word = (state: NextActionState) => t(`followups.state.${state}`);
  return {
    states: Object.fromEntries(
      NEXT_ACTION_STATES.map((state) => [state, inColumn ? word(state) : t('followups.badge', { state: word(state) })]),
    ) as Record<NextActionState, string>,
    staleOne: t('followups.stale.one'),
    staleMany: t('followups.stale.many'),
  };
}
