// The ticket information panel: status, Bearbeiter, partner, contact, who created and changed it,
// with the status buttons and "Übernehmen". CRM values are not part of it (see the CRM panel slot).
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/action';
import type { Formatter, Translate } from '@/lib/i18n';
import type { TicketDetail } from '@/lib/tickets/queries';
import { TicketStatusActions } from './ticket-status-actions';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

function AtBy({ at, by, t, format }: { at: Date; by: string | null; t: Translate; format: Formatter }) {
  const date = format.dateTime(at);
  return <time dateTime={at.toISOString()}>{by ? t('tickets.atBy', { date, name: by }) : date}</time>;
}

export function TicketInfoPanel({
  ticket,
  userId,
  actions,
  t,
  format,
}: {
  ticket: TicketDetail;
  userId: number;
  actions: { setStatus: FormAction; takeOver: FormAction };
  t: Translate;
  format: Formatter;
}) {
  return (
    <section className="card stack" aria-labelledby="ticket-info">
      <h2 id="ticket-info">{t('tickets.info')}</h2>
      <dl className="info-list">
        <dt>{t('tickets.number')}</dt>
        <dd>{ticket.number}</dd>
        <dt>{t('tickets.status')}</dt>
        <dd>
          <span className="badge">{t(`ticketStatus.${ticket.status}`)}</span>
        </dd>
        <dt>{t('tickets.assignee')}</dt>
        <dd>{ticket.assignee?.name ?? '—'}</dd>
        <dt>{t('tickets.partner')}</dt>
        <dd>
          {ticket.partner ? (
            <>
              <Link href={`/partners/${ticket.partner.id}`}>{ticket.partner.name}</Link>
              {ticket.partner.viaContact && <span className="muted"> {t('tickets.viaContact')}</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('tickets.contact')}</dt>
        <dd>{ticket.contact ? <Link href={`/contacts/${ticket.contact.id}`}>{ticket.contact.name}</Link> : '—'}</dd>
        <dt>{t('tickets.created')}</dt>
        <dd>
          <AtBy at={ticket.createdAt} by={ticket.createdBy} t={t} format={format} />
        </dd>
        <dt>{t('tickets.updated')}</dt>
        <dd>
          <AtBy at={ticket.updatedAt} by={ticket.updatedBy} t={t} format={format} />
        </dd>
      </dl>
      <TicketStatusActions ticket={ticket} action={actions.setStatus} t={t} />
      {ticket.assignee?.id !== userId && (
        <ActionForm
          action={actions.takeOver}
          submitLabel={t('tickets.takeOver')}
          submitClassName="button button-primary"
          className="inline-form"
        >
          <input type="hidden" name="id" value={ticket.id} />
          <input type="hidden" name="version" value={ticket.version} />
        </ActionForm>
      )}
    </section>
  );
}
