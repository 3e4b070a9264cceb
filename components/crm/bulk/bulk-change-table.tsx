// The list of bulk changes, newest first: who, when, what, how many, and undone or its undo link.
import Link from 'next/link';
import type { BulkChangeItem } from '@/lib/crm/bulk/queries';
import type { Formatter, Translate } from '@/lib/i18n';
import { undoReportText } from './undo-report';

export type BulkChangeRow = BulkChangeItem & { description: string };

export function BulkChangeTable({ rows, t, format }: { rows: BulkChangeRow[]; t: Translate; format: Formatter }) {
  if (rows.length === 0) return <p>{t('bulk.list.empty')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('bulk.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('bulk.list.when')}</th>
          <th scope="col">{t('bulk.list.who')}</th>
          <th scope="col">{t('bulk.list.what')}</th>
          <th scope="col" className="num">
            {t('bulk.list.count')}
          </th>
          <th scope="col">{t('bulk.list.state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const when = format.dateTime(row.at);
          return (
            <tr key={row.id} id={`bulk-${row.id}`}>
              <td>
                <time dateTime={row.at.toISOString()}>{when}</time>
              </td>
              <td>{row.userName}</td>
              <td>{row.description}</td>
              <td className="num">
                {t('bulk.list.countValue', { count: format.integer(row.ticketCount), changed: format.integer(row.changedCount) })}
              </td>
              <td>
                {row.undoneAt ? (
                  <>
                    {t('bulk.undoneBy', { when: format.dateTime(row.undoneAt), name: row.undoneByName ?? '—' })}
                    {row.undoReport && <div className="small">{undoReportText(row.undoReport, t, format)}</div>}
                  </>
                ) : (
                  <Link href={`/crm/changes/${row.id}/undo`} aria-label={t('bulk.undoLabel', { when })}>
                    {t('bulk.undo')}
                  </Link>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
