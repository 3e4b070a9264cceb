'use server';
// The ticket CRM panel (crm only): every action checks the session and the role itself.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { ticketCrmEnabledSchema, ticketCrmSchema } from '@/lib/crm/schemas';

function refresh<T extends { ok: boolean }>(result: T, id: number): T {
  if (result.ok) revalidatePath(`/tickets/${id}`);
  return result;
}

/** "CRM aktivieren" / "CRM deaktivieren": the flag only; values and history stay. */
export const setTicketCrmEnabledAction = defineAction(
  { schema: ticketCrmEnabledSchema, role: 'crm', success: (input) => (input.enabled ? 'crm.panel.activated' : 'crm.panel.deactivated') },
  (input, user) =>
    refresh(setTicketCrmEnabled(getDb(), user, input), input.id),
);

/** Saves the CRM form of a ticket. */
export const saveTicketCrmAction = defineAction({ schema: ticketCrmSchema, role: 'crm' }, (input, user) =>
  refresh(saveTicketCrm(getDb(), user, input), input.id),
);
