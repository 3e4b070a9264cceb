import 'server-only';
// The checks of a bulk change's values before anything is written: every chosen entry exists, a new
// choice is not archived (removing an archived product is fine), the Bearbeiter is active, and the
// Verlustgrund rule of lib/crm/tickets/lost-reason.ts holds for the target status.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { users } from '@/db/schema';
import type { MutationFailure } from '@/lib/result';
import { checkChosenEntries } from '../entries';
import { lostReasonProblem } from '../tickets/lost-reason';
import type { BulkChange } from './change';

function fieldProblem(field: string, error: string): MutationFailure {
  return { ok: false, error: 'form', fieldErrors: { [field]: error } };
}

export function bulkChangeProblem(tx: Tx, change: BulkChange): MutationFailure | null {
  switch (change.kind) {
    case 'crmStatus': {
      const status = checkChosenEntries(tx, 'crmTicketStatuses', [change.crmStatusId], []);
      if (status) return fieldProblem('crmStatusId', status);
      if (change.lostReasonId !== null) {
        const reason = checkChosenEntries(tx, 'lostReasons', [change.lostReasonId], []);
        if (reason) return fieldProblem('lostReasonId', reason);
      }
      const lost = lostReasonProblem(tx, { crmStatusId: change.crmStatusId, lostReasonId: change.lostReasonId });
      return lost && { ok: false, error: 'form', fieldErrors: { lostReasonId: 'bulk.error.lostReasonNotLost' } };
    }
    case 'assignee': {
      if (change.assigneeId === null) return null;
      const assignee = tx.select({ active: users.active }).from(users).where(eq(users.id, change.assigneeId)).get();
      return assignee?.active ? null : fieldProblem('assigneeId', 'tickets.error.assigneeNotFound');
    }
    case 'addProduct':
    case 'removeProduct': {
      const problem = checkChosenEntries(tx, 'products', [change.productId], change.kind === 'removeProduct' ? [change.productId] : []);
      return problem ? fieldProblem('productId', problem) : null;
    }
    case 'addCampaign':
    case 'removeCampaign': {
      const problem = checkChosenEntries(tx, 'campaigns', [change.campaignId], change.kind === 'removeCampaign' ? [change.campaignId] : []);
      return problem ? fieldProblem('campaignId', problem) : null;
    }
    default:
      return null;
  }
}
