// The tickets under a group, or of the list view: the columns of SPEC section 8.
import { RecordLink } from '@/components/ui/record-link';
import type { DashboardTicket } from '@/lib/crm/dashboard/tickets';
import type { Formatter, Translate } from '@/lib/i18n';

export function DashboardTicketTable({ tickets, t, format, caption }: { tickets: DashboardTicket[]; t: Translate; format: Formatter; caption: string }) {
  return (
    <table className="table dashboard-tickets">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.number')}</th>
          <th scope="col">{t('dashboard.col.title')}</th>
          <th scope="col">{t('dashboard.col.partnerContact')}</th>
          <th scope="col">{t('dashboard.col.crmStatus')}</th>
          <th scope="col" className="num">{t('dashboard.col.probability')}</th>
          <th scope="col" className="num">{t('dashboard.col.potential')}</th>
          <th scope="col" className="num">{t('dashboard.col.users')}</th>
          <th scope="col">{t('dashboard.col.assignee')}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <td>
              <RecordLink href={`/tickets/${ticket.id}`}>{ticket.number}</RecordLink>
            </td>
            <td>{ticket.title}</td>
            <td>{[ticket.partner?.name, ticket.contact?.name].filter(Boolean).join(' · ') || '—'}</td>
            <td>{ticket.crm.status ?? '—'}</td>
            <td className="num">{ticket.crm.probability === null ? '—' : format.percent(ticket.crm.probability)}</td>
            <td className="num">{ticket.crm.potentialCents === null ? '—' : format.money(ticket.crm.potentialCents)}</td>
            <td className="num">{ticket.crm.expectedUsers === null ? '—' : format.integer(ticket.crm.expectedUsers)}</td>
            <td>{ticket.assignee?.name ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
