// The tickets under a group, or of the list view: the columns of SPEC section 8. Plain rows and
// words in, no hooks: rendered by the server (list view) and by the group tree in the browser.
import { RecordLink } from '@/components/ui/record-link';
import type { TicketRow } from '@/lib/crm/dashboard/present';
import type { Translate } from '@/lib/i18n';
import { StatusBadge } from '../status-badge';

/** The column headings, in the order of a row's columns (its id aside). */
export type TicketColumns = TicketRow extends [number, ...infer Columns] ? { [K in keyof Columns]: string } : never;

export function ticketColumns(t: Translate): TicketColumns {
  return [
    t('dashboard.col.number'),
    t('dashboard.col.title'),
    t('dashboard.col.partnerContact'),
    t('dashboard.col.crmStatus'),
    t('dashboard.col.probability'),
    t('dashboard.col.potential'),
    t('dashboard.col.users'),
    t('dashboard.col.assignee'),
  ];
}

const NUMERIC = new Set([4, 5, 6]);

export function DashboardTicketTable({ rows, columns, caption }: { rows: TicketRow[]; columns: TicketColumns; caption: string }) {
  return (
    <table className="table dashboard-tickets">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={NUMERIC.has(index) ? 'num' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, number, ...cells]) => (
          <tr key={id}>
            <td>
              <RecordLink href={`/tickets/${id}`}>{number}</RecordLink>
            </td>
            {cells.map((cell, index) => (
              <td key={index}>{Array.isArray(cell) ? <StatusBadge name={cell[0]} color={cell[1]} /> : cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
