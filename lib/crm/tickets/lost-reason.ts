import 'server-only';
// The one rule between two ticket CRM properties (SPEC section 14): a Verlustgrund goes with a CRM status
// whose phase is lost, and with no other. Moving a ticket away from lost, the user clears the reason
// (the panel's script does so with the field it hides), so nothing stale stays; a save that still
// carries one is refused, naming the field, and nothing is written. Field names come from the registry.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { crmTicketStatuses } from '@/db/schema';
import type { MutationFailure } from '@/lib/result';
import { CRM_PROPERTIES } from '../properties';

const STATUS_FIELD = CRM_PROPERTIES.crmStatus.form.name;
const REASON_FIELD = CRM_PROPERTIES.lostReason.form.name;

type StatusAndReason = Record<typeof STATUS_FIELD | typeof REASON_FIELD, number | null>;

/** The refusal of a Verlustgrund beside a status that is not lost (or beside none); null when the pair fits. */
export function lostReasonProblem(tx: Tx, input: StatusAndReason): MutationFailure | null {
  const statusId = input[STATUS_FIELD];
  if (input[REASON_FIELD] === null) return null;
  const phase =
    statusId === null
      ? undefined
      : tx.select({ phase: crmTicketStatuses.phase }).from(crmTicketStatuses).where(eq(crmTicketStatuses.id, statusId)).get()?.phase;
  if (phase === 'lost') return null;
  return { ok: false, error: 'crm.error.lostReasonNotLost', fieldErrors: { [REASON_FIELD]: 'crm.error.lostReasonField' } };
}
