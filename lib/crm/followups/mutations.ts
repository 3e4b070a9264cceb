import 'server-only';
// Writes of "Meine Wiedervorlagen" (SPEC section 17), crm only: "Erledigt" (clears the next action,
// or sets the next one typed at the row) and "+1 Tag" / "+1 Woche". They change the next action and
// its text only, so they write the Verlauf but never move the deal on (crm_moved_at stays, and with
// it the staleness). Checked against the ticket's CRM version like every CRM save.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { tickets } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmSaveStamp, crmVersionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { entryNames } from '../entries';
import { recordCrmChanges } from '../history';
import { historySnapshot } from '../record/fields';
import { readTicketCrm, type TicketCrm } from '../tickets/queries';
import { followupClock } from './clock';
import { postponedNextAction, type PostponeStep } from './postpone';

type NextAction = { nextActionAt: string | null; nextActionText: string };

/** Sets a ticket's next action, with its Verlauf and CRM stamp; refuses a stale version or a ticket without CRM. */
function writeNextAction(
  db: Db,
  user: SessionUser,
  input: { id: number; crmVersion: number },
  next: (current: TicketCrm) => NextAction | { error: string },
): MutationResult<NextAction> {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx: Tx) => {
    const current = readTicketCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    if (!current!.enabled) return { ok: false, error: 'crm.error.notEnabled' };
    const values = next(current!);
    if ('error' in values) return { ok: false, error: values.error };
    const names = (list: Parameters<typeof entryNames>[1], ids: readonly number[]) => entryNames(tx, list, ids);
    const before = historySnapshot('ticket', current!, names);
    tx.update(tickets)
      .set({ ...values, ...crmSaveStamp(current!, user.id) })
      .where(eq(tickets.id, input.id))
      .run();
    recordCrmChanges(tx, {
      entity: 'ticket',
      entityId: input.id,
      userId: user.id,
      before,
      after: historySnapshot('ticket', { ...current!, ...values }, names),
    });
    return { ok: true, data: values };
  });
}

/** "Erledigt": clears the next action and its text, or sets the next one when a day is given. */
export function completeFollowup(
  db: Db,
  user: SessionUser,
  input: { id: number; crmVersion: number; nextAction: string | null; nextActionTime: string | null; nextActionText: string },
): MutationResult<NextAction> {
  const nextActionAt =
    input.nextAction === null ? null : input.nextActionTime ? `${input.nextAction}T${input.nextActionTime}` : input.nextAction;
  return writeNextAction(db, user, input, () => ({ nextActionAt, nextActionText: nextActionAt === null ? '' : input.nextActionText }));
}

/** "+1 Tag" / "+1 Woche" from the later of the due day and today (at `instant`), the time kept. */
export function postponeFollowup(
  db: Db,
  user: SessionUser,
  input: { id: number; crmVersion: number; step: PostponeStep },
  instant: number = Date.now(),
): MutationResult<NextAction> {
  return writeNextAction(db, user, input, (current) =>
    current.nextActionAt === null
      ? { error: 'followups.error.noNextAction' }
      : {
          nextActionAt: postponedNextAction(current.nextActionAt, input.step, followupClock(instant)),
          nextActionText: current.nextActionText,
        },
  );
}
