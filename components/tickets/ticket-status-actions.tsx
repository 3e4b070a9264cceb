// The status buttons of a ticket: the usual next steps from its current status, each a small form.
import { ActionForm } from '@/components/ui/action-form';
import type { TicketStatus } from '@/db/schema';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { ActionState } from '@/lib/action';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Any status may follow any other (the action allows it); these are the ones worth a button. */
const NEXT_STEPS: Record<TicketStatus, { to: TicketStatus; label: MessageKey }[]> = {
  open: [
    { to: 'in_progress', label: 'tickets.toStatus.start' },
    { to: 'parked', label: 'tickets.toStatus.park' },
    { to: 'closed', label: 'tickets.toStatus.close' },
  ],
  in_progress: [
    { to: 'parked', label: 'tickets.toStatus.park' },
    { to: 'closed', label: 'tickets.toStatus.close' },
    { to: 'open', label: 'tickets.toStatus.backToOpen' },
  ],
  parked: [
    { to: 'in_progress', label: 'tickets.toStatus.resume' },
    { to: 'closed', label: 'tickets.toStatus.close' },
    { to: 'open', label: 'tickets.toStatus.backToOpen' },
  ],
  closed: [{ to: 'open', label: 'tickets.toStatus.reopen' }],
};

export function TicketStatusActions({
  ticket,
  action,
  t,
}: {
  ticket: { id: number; version: number; status: TicketStatus };
  action: FormAction;
  t: Translate;
}) {
  return (
    <div className="ticket-actions" role="group" aria-label={t('tickets.changeStatus')}>
      {NEXT_STEPS[ticket.status].map((step) => (
        // Keyed by the step: after a change the buttons of the new status start without an old message.
        <ActionForm
          key={`${ticket.status}-${step.to}`}
          action={action}
          submitLabel={t(step.label)}
          submitClassName="button"
          className="inline-form"
        >
          <input type="hidden" name="id" value={ticket.id} />
          <input type="hidden" name="version" value={ticket.version} />
          <input type="hidden" name="status" value={step.to} />
        </ActionForm>
      ))}
    </div>
  );
}
