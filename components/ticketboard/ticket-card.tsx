// One ticket on the board: number, title, partner or contact, Bearbeiter, age; the CRM values only
// when the list item carries them (listTickets adds `crm` for `crm` users alone).
import { StatusSwatch } from '@/components/crm/status-badge';
import { RecordLink } from '@/components/ui/record-link';
import type { Formatter, Translate } from '@/lib/i18n';
import type { CrmStatusStyles } from '@/lib/lookups/queries';
import type { TicketListItem } from '@/lib/tickets/queries';

export function TicketCard({
  ticket,
  statuses,
  t,
  format,
}: {
  ticket: TicketListItem;
  /** The CRM statuses' colours (crm users only). */
  statuses?: CrmStatusStyles;
  t: Translate;
  format: Formatter;
}) {
  const who = ticket.partner?.name ?? ticket.contact?.name;
  return (
    <article className="board-card" aria-label={`${ticket.number} ${ticket.title}`}>
      <div className="board-card-head">
        <RecordLink href={`/tickets/${ticket.id}`}>{ticket.number}</RecordLink>
        <time dateTime={ticket.createdAt.toISOString()} title={format.dateTime(ticket.createdAt)} className="muted small">
          {format.age(ticket.createdAt)}
        </time>
      </div>
      <div className="board-card-title">{ticket.title}</div>
      {who && <div className="muted small">{who}</div>}
      <div className="small">{ticket.assignee?.name ?? t('ticketboard.card.noAssignee')}</div>
      {ticket.crm &&
        (ticket.crm.enabled ? (
          <dl className="board-card-crm small">
            <dt>{t('ticketboard.card.crmStatus')}</dt>
            <dd>
              {ticket.crm.statusId !== null && <StatusSwatch color={statuses?.get(ticket.crm.statusId)?.color} />}
              {ticket.crm.status ?? '—'}
            </dd>
            <dt>{t('ticketboard.card.potential')}</dt>
            <dd>{ticket.crm.potentialCents === null ? '—' : format.money(ticket.crm.potentialCents)}</dd>
          </dl>
        ) : (
          <div className="muted small">{t('ticketboard.card.crmOff')}</div>
        ))}
    </article>
  );
}
