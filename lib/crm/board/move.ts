import 'server-only';
// Moving a card sets the field of its column (SPEC section 16), by the same write path as a save of
// that field: a CRM status or expected close through the ticket's CRM save (its version, rules and
// Verlauf), the Bearbeiter as the ticket form saves it (its master-data version and "Geändert … von"),
// recorded in the Verlauf by name as a bulk change of it is.
// Into a status of phase lost a Verlustgrund is required; to any other status it is cleared.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { crmTicketStatuses, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmVersionConflict, saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { checkReferences } from '@/lib/tickets/mutations';
import { recordCrmChanges } from '../history';
import { CRM_PROPERTIES } from '../properties';
import { formValues } from '../record/fields';
import type { TicketCrmInput } from '../schemas';
import { saveTicketCrm } from '../tickets/mutations';
import { readTicketCrm } from '../tickets/queries';
import { dateInMonth } from './month';
import type { MoveCardInput } from './schemas';

const STATUS_FIELD = CRM_PROPERTIES.crmStatus.form.name;
const REASON_FIELD = CRM_PROPERTIES.lostReason.form.name;
const CLOSE_FIELD = CRM_PROPERTIES.expectedClose.form.name;

export function moveCard(db: Db, user: SessionUser, input: MoveCardInput): MutationResult {
  assertRole(user, 'crm');
  return input.column === 'assignee' ? moveToAssignee(db, user, input) : moveCrmField(db, user, input);
}

function moveCrmField(db: Db, user: SessionUser, input: MoveCardInput): MutationResult {
  const current = readTicketCrm(db, input.id);
  const conflict = crmVersionConflict(db, current, input.crmVersion);
  if (conflict) return conflict;
  const form = formValues('ticket', current!);
  const next: TicketCrmInput = { ...form, id: input.id, crmVersion: input.crmVersion, newCampaigns: [], newProducts: [] };
  if (input.column === 'crmStatus') {
    const statusId = input.target as number | null;
    const phase =
      statusId === null
        ? null
        : db.select({ phase: crmTicketStatuses.phase }).from(crmTicketStatuses).where(eq(crmTicketStatuses.id, statusId)).get()?.phase;
    if (phase === undefined) return { ok: false, error: 'form', fieldErrors: { target: 'board.error.target' } };
    if (phase === 'lost' && input.lostReasonId === null) {
      return { ok: false, error: 'board.error.lostReasonRequired', fieldErrors: { [REASON_FIELD]: 'board.error.lostReasonRequired' } };
    }
    if (statusId === form[STATUS_FIELD] && (phase !== 'lost' || input.lostReasonId === form[REASON_FIELD]))
      return { ok: true, data: undefined };
    next[STATUS_FIELD] = statusId;
    next[REASON_FIELD] = phase === 'lost' ? input.lostReasonId : null;
  } else {
    const month = input.target as string | null;
    const date = month === null ? null : dateInMonth(month, form[CLOSE_FIELD]);
    if (date === form[CLOSE_FIELD]) return { ok: true, data: undefined };
    next[CLOSE_FIELD] = date;
  }
  // The same save as the CRM panel's: version check, lookup and Verlustgrund rules, Verlauf.
  return saveTicketCrm(db, user, next);
}

/** The Bearbeiter, as the ticket form saves it: the ticket's own version, a newly chosen Bearbeiter active. */
function moveToAssignee(db: Db, user: SessionUser, input: MoveCardInput): MutationResult {
  const assigneeId = input.target as number | null;
  return writeTransaction(db, (tx) => {
    const ticket = tx
      .select({
        id: tickets.id,
        version: tickets.version,
        updatedById: tickets.updatedById,
        assigneeId: tickets.assigneeId,
        crmEnabled: tickets.crmEnabled,
      })
      .from(tickets)
      .where(eq(tickets.id, input.id))
      .get();
    const conflict = versionConflict(tx, ticket, input.version);
    if (conflict) return conflict;
    if (!ticket!.crmEnabled) return { ok: false, error: 'crm.error.notEnabled' };
    if (ticket!.assigneeId === assigneeId) return { ok: true, data: undefined };
    const invalid = checkReferences(tx, { partnerId: null, contactId: null, assigneeId }, ticket!.assigneeId);
    if (invalid) return invalid;
    tx.update(tickets)
      .set({ assigneeId, ...saveStamp(ticket!, user.id) })
      .where(eq(tickets.id, input.id))
      .run();
    // In the Verlauf as a bulk change of the Bearbeiter records it: by name.
    const name = (id: number | null) =>
      id === null ? null : (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null);
    recordCrmChanges(tx, {
      entity: 'ticket',
      entityId: input.id,
      userId: user.id,
      before: { assignee: name(ticket!.assigneeId) },
      after: { assignee: name(assigneeId) },
    });
    return { ok: true, data: undefined };
  });
}
