// A ticket's follow-up badges (SPEC section 17): its next action's state and, for a stale deal, how long
// it has been stale. Text always, colour only as a second cue (globals.css `.followup-*`). No hooks and
// no dictionaries: the words come once per table, board or panel (lib/crm/followups/words.ts), so server
// components and client leaves (the group tree, the board's cards) render them alike.
import type { NextActionState } from '@/lib/crm/followups/clock';
import type { FollowupWords } from '@/lib/crm/followups/words';

export function FollowupBadges({
  state,
  staleDays,
  words,
  staleTitle,
}: {
  state: NextActionState;
  /** Days stale beyond the status's rule; null while fresh. */
  staleDays: number | null;
  words: FollowupWords;
  /** The last CRM change and the rule, where the reader has room for them. */
  staleTitle?: string;
}) {
  return (
    <>
      <span className={`badge followup-${state}`}>{words.states[state]}</span>
      {staleDays !== null && (
        <span className="badge followup-stale" title={staleTitle}>
          {staleDays === 1 ? words.staleOne : words.staleMany.replace('{days}', String(staleDays))}
        </span>
      )}
    </>
  );
}
