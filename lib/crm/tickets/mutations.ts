import 'server-only';
// Writes to a ticket's CRM values: activate, deactivate (values and history kept), save the form.
// Every changed field is recorded in the history in the same transaction. They check and bump the
// ticket's CRM version and stamp only: its master-data version and "Geändert … von …" stay untouched.
// The form's values, checks and snapshot come from the property registry (lib/crm/record/fields.ts);
// the one rule between two properties, the Verlustgrund's, from lost-reason.ts.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { tickets } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmSaveStamp, crmVersionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { entryNames } from '../entries';
import { recordCrmChanges, type CrmSnapshot } from '../history';
import { historySnapshot, savedColumns, valuesFromForm } from '../record/fields';
import { choiceProblems, createTypedEntries, replaceBridges } from '../record/mutations';
import type { TicketCrmInput } from '../schemas';
import { lostReasonProblem } from './lost-reason';
import { readTicketCrm } from './queries';

const snapshot = (tx: Tx, record: object): CrmSnapshot<'ticket'> =>
  historySnapshot('ticket', record, (list, ids) => entryNames(tx, list, ids));

export function setTicketCrmEnabled(
  db: Db,
  user: SessionUser,
  input: { id: number; crmVersion: number; enabled: boolean },
): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readTicketCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    if (current!.enabled === input.enabled) return { ok: true, data: undefined };
    const now = new Date();
    tx.update(tickets)
      .set({
        crmEnabled: input.enabled,
        crmActivatedAt: current!.activatedAt ?? (input.enabled ? now : null),
        ...crmSaveStamp(current!, user.id),
      })
      .where(eq(tickets.id, input.id))
      .run();
    recordCrmChanges(tx, {
      entity: 'ticket',
      entityId: input.id,
      userId: user.id,
      before: { crmEnabled: String(current!.enabled) },
      after: { crmEnabled: String(input.enabled) },
      at: now,
    });
    return { ok: true, data: undefined };
  });
}

export function saveTicketCrm(db: Db, user: SessionUser, input: TicketCrmInput): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readTicketCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    if (!current!.enabled) return { ok: false, error: 'crm.error.notEnabled' };

    const problems = choiceProblems(tx, 'ticket', current!, input);
    if (Object.keys(problems).length > 0) return { ok: false, error: 'form', fieldErrors: problems };
    const lostProblem = lostReasonProblem(tx, input);
    if (lostProblem) return lostProblem;
    const created = createTypedEntries(tx, 'ticket', input, user.id);
    if (!created.ok) return { ok: false, error: 'form', fieldErrors: created.fieldErrors };

    const next = valuesFromForm('ticket', input, created.ids);
    const before = snapshot(tx, current!);
    tx.update(tickets)
      .set({ ...savedColumns('ticket', next), ...crmSaveStamp(current!, user.id) })
      .where(eq(tickets.id, input.id))
      .run();
    replaceBridges(tx, 'ticket', input.id, next);
    recordCrmChanges(tx, { entity: 'ticket', entityId: input.id, userId: user.id, before, after: snapshot(tx, { ...current, ...next }) });
    return { ok: true, data: undefined };
  });
}
