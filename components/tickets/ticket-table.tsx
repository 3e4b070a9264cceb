// A table of tickets: the ticket list, a partner's and a contact's tickets.
import { StatusBadge } from '@/components/crm/status-badge';
import { RecordLink } from '@/components/ui/record-link';
import type { Formatter, Translate } from '@/lib/i18n';
import type { CrmStatusStyles } from '@/lib/lookups/queries';
import type { TicketListItem } from '@/lib/tickets/queries';

export function TicketTable({
  rows,
  t,
  format,
  caption,
  crmColumns = false,
  crmStatuses,
}: {
  rows: TicketListItem[];
  t: Translate;
  format: Formatter;
  caption?: string;
  /** CRM-Status and Umsatzpotenzial: only for `crm` users (whose rows carry `crm`). */
  crmColumns?: boolean;
  /** The statuses' colours, for a swatch beside each CRM-Status. */
  crmStatuses?: CrmStatusStyles;
}) {
  if (rows.length === 0) return <p className="muted">{t('tickets.none')}</p>;
  return (
    <table className="table">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('tickets.number')}</th>
          <th scope="col">{t('tickets.title')}</th>
          <th scope="col">{t('tickets.partnerOrContact')}</th>
          <th scope="col">{t('tickets.status')}</th>
          <th scope="col">{t('tickets.assignee')}</th>
          <th scope="col">{t('tickets.age')}</th>
          {crmColumns && <th scope="col">{t('crm.field.crmStatus')}</th>}
          {crmColumns && (
            <th scope="col" className="num">
              {t('crm.field.potential')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((ticket) => (
          <tr key={ticket.id}>
            <td>
              <RecordLink href={`/tickets/${ticket.id}`}>{ticket.number}</RecordLink>
            </td>
            <td>{ticket.title}</td>
            <td>
              {ticket.partner && <RecordLink href={`/partners/${ticket.partner.id}`}>{ticket.partner.name}</RecordLink>}
              {ticket.partner && ticket.contact && ' · '}
              {ticket.contact && <RecordLink href={`/contacts/${ticket.contact.id}`}>{ticket.contact.name}</RecordLink>}
            </td>
            <td>{t(`ticketStatus.${ticket.status}`)}</td>
            <td>{ticket.assignee?.name ?? '—'}</td>
            <td>
              <time dateTime={ticket.createdAt.toISOString()} title={format.dateTime(ticket.createdAt)}>
                {format.age(ticket.createdAt)}
              </time>
            </td>
            {crmColumns && <CrmCells crm={ticket.crm} statuses={crmStatuses} t={t} format={format} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CrmCells({
  crm,
  statuses,
  t,
  format,
}: {
  crm: TicketListItem['crm'];
  statuses: CrmStatusStyles | undefined;
  t: Translate;
  format: Formatter;
}) {
  const color = crm?.statusId == null ? null : (statuses?.get(crm.statusId)?.color ?? null);
  return (
    <>
      <td>
        {crm?.status ? <StatusBadge name={crm.status} color={color} /> : '—'}
        {crm && !crm.enabled && <span className="muted"> ({t('ticketboard.crm.off')})</span>}
      </td>
      <td className="num">{crm?.potentialCents == null ? '—' : format.money(crm.potentialCents)}</td>
    </>
  );
}
