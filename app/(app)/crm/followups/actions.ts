'use server';
// "Meine Wiedervorlagen" (crm only): a row's Erledigt and +1 Tag / +1 Woche. Each checks the session
// and the role itself; after a success it goes back to the same list at the row's section, with a notice.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { completeFollowup, postponeFollowup } from '@/lib/crm/followups/mutations';
import { completeFollowupSchema, followupHref, postponeFollowupSchema, viewOf } from '@/lib/crm/followups/schemas';
import type { FollowupSection } from '@/lib/crm/followups/clock';
import type { FollowupOutcome } from '@/lib/crm/followups/schemas';

const back = (input: Parameters<typeof viewOf>[0] & { id: number; fromSection: FollowupSection | null }, outcome: FollowupOutcome) =>
  followupHref(viewOf(input), { ticketId: input.id, outcome, from: input.fromSection });

/** "Erledigt": clears the next action, or sets the next one typed at the row. */
export const completeFollowupAction = defineAction(
  {
    schema: completeFollowupSchema,
    role: 'crm',
    revalidate: (input) => ['/crm/followups', `/tickets/${input.id}`],
    redirect: (input) => back(input, input.nextAction === null ? 'done' : 'next'),
  },
  (input, user) => completeFollowup(getDb(), user, input),
);

/** "+1 Tag" / "+1 Woche": postpones the next action, its time kept. */
export const postponeFollowupAction = defineAction(
  {
    schema: postponeFollowupSchema,
    role: 'crm',
    revalidate: (input) => ['/crm/followups', `/tickets/${input.id}`],
    redirect: (input) => back(input, input.step),
  },
  (input, user) => postponeFollowup(getDb(), user, input),
);
