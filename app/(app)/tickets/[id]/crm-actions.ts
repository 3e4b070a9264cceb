'use server';
// The ticket CRM panel (crm only): every action checks the session and the role itself.
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { ticketCrmEnabledSchema, ticketCrmSchema } from '@/lib/crm/schemas';

const ticketPage = (input: { id: number }) => `/tickets/${input.id}`;

/** "CRM aktivieren" / "CRM deaktivieren": the flag only; values and history stay. */
export const setTicketCrmEnabledAction = defineAction(
  {
    schema: ticketCrmEnabledSchema,
    role: 'crm',
    success: (input) => (input.enabled ? 'crm.panel.activated' : 'crm.panel.deactivated'),
    revalidate: ticketPage,
  },
  (input, user) => setTicketCrmEnabled(getDb(), user, input),
);

/** Saves the CRM form of a ticket. */
export const saveTicketCrmAction = defineAction({ schema: ticketCrmSchema, role: 'crm', revalidate: ticketPage }, (input, user) =>
  saveTicketCrm(getDb(), user, input),
);
