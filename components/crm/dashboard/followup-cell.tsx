// A ticket's follow-up badges in the dashboard's lists and on the board's cards (SPEC section 17):
// the classes and words of components/crm/followup-badges.tsx, with the words handed over once per
// table or board (FollowupWords) instead of per row, since the group tree and the cards render in the browser.
import type { FollowupWords, TicketRow } from '@/lib/crm/dashboard/present';

export function FollowupBadges({ followup: [state, staleDays], words }: { followup: TicketRow[9]; words: FollowupWords }) {
  return (
    <>
      <span className={`badge followup-${state}`}>{words.states[state]}</span>
      {staleDays !== null && (
        <span className="badge followup-stale">
          {staleDays === 1 ? words.staleOne : words.staleMany.replace('{days}', String(staleDays))}
        </span>
      )}
    </>
  );
}
