// The tickets under a group, or of the list view: the columns of SPEC section 8. Plain rows and
// words in, no hooks: rendered by the server (list view) and by the group tree in the browser.
import { RecordLink } from '@/components/ui/record-link';
import type { TicketRow } from '@/lib/crm/dashboard/present';
import type { FollowupWords } from '@/lib/crm/followups/words';
import type { Translate } from '@/lib/i18n';
import { StatusBadge } from '../status-badge';
import { FollowupBadges } from '../followup-badges';

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
    t('followups.col.nextAction'),
  ];
}

const NUMERIC = new Set([4, 5, 6]);

/** A checkbox per row that belongs to the form `form` (elsewhere on the page), named `ticket`: a bulk change's selection. */
export type RowSelection = { form: string; heading: string; label: (number: string) => string };

export function DashboardTicketTable({
  rows,
  columns,
  caption,
  select,
  followup,
}: {
  rows: TicketRow[];
  columns: TicketColumns;
  /** The follow-up badges' words (once per table). */
  followup: FollowupWords;
  caption: string;
  select?: RowSelection;
}) {
  return (
    <table className="table dashboard-tickets">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {select && (
            <th scope="col">
              <span className="visually-hidden">{select.heading}</span>
            </th>
          )}
          {columns.map((column, index) => (
            <th key={index} scope="col" className={NUMERIC.has(index) ? 'num' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, number, title, party, status, probability, potential, users, assignee, next]) => (
          <tr key={id}>
            {select && (
              <td>
                <input type="checkbox" name="ticket" value={id} form={select.form} aria-label={select.label(number)} />
              </td>
            )}
            <td>
              <RecordLink href={`/tickets/${id}`}>{number}</RecordLink>
            </td>
            <td>{title}</td>
            <td>{party}</td>
            <td>{Array.isArray(status) ? <StatusBadge name={status[0]} color={status[1]} /> : status}</td>
            <td>{probability}</td>
            <td>{potential}</td>
            <td>{users}</td>
            <td>{assignee}</td>
            <td>
              <FollowupBadges state={next[0]} staleDays={next[1]} words={followup} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
