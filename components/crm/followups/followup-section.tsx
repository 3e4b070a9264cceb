// One section of "Meine Wiedervorlagen" (Überfällig, Heute, Diese Woche, Später): its exact count, a
// page of rows with ticket, partner, CRM status, potential, the next action and its badges, and the
// rows' forms; further pages by link. Rendered on the server from plain rows.
import Link from 'next/link';
import { FollowupBadges } from '@/components/crm/followup-badges';
import { followupWords } from '@/lib/crm/followups/words';
import { StatusBadge } from '@/components/crm/status-badge';
import { Pagination } from '@/components/ui/pagination';
import type { FollowupSectionData } from '@/lib/crm/followups/queries';
import { FOLLOWUP_PAGE_SIZE, followupHref, sectionAnchor, type FollowupView } from '@/lib/crm/followups/schemas';
import type { Formatter, Translate } from '@/lib/i18n';
import { RowActions, type RowActionWords } from './row-actions';

export function FollowupSectionTable({
  data,
  view,
  notice,
  words,
  t,
  format,
}: {
  data: FollowupSectionData;
  view: FollowupView;
  /** What the last action did, shown in the section the user acted in. */
  notice?: string;
  words: RowActionWords;
  t: Translate;
  format: Formatter;
}) {
  const anchor = sectionAnchor(data.section);
  const badgeWords = followupWords(t, { inColumn: true });
  const heading = `${t(`followups.section.${data.section}`)} (${format.integer(data.count)})`;
  const search = new URLSearchParams();
  if (view.assigneeId !== null) search.set('assignee', String(view.assigneeId));
  search.set('section', data.section);
  return (
    <section className="stack" aria-labelledby={`${anchor}-heading`} id={anchor}>
      <h2 id={`${anchor}-heading`}>{heading}</h2>
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {data.count === 0 ? (
        <p className="muted">{t('followups.sectionEmpty')}</p>
      ) : (
        <table className="table followup-table">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followups.col.ticket')}</th>
              <th scope="col">{t('followups.col.title')}</th>
              <th scope="col">{t('followups.col.partner')}</th>
              <th scope="col">{t('followups.col.status')}</th>
              <th scope="col" className="num">
                {t('followups.col.potential')}
              </th>
              <th scope="col">{t('followups.col.nextAction')}</th>
              <th scope="col">{t('followups.col.state')}</th>
              <th scope="col">{t('followups.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link href={`/tickets/${row.id}`}>{row.number}</Link>
                </th>
                <td>{row.title}</td>
                <td>{row.partner ?? '—'}</td>
                <td>{row.status ? <StatusBadge name={row.status.name} color={row.status.color} /> : '—'}</td>
                <td className="num">{row.potentialCents === null ? '—' : format.money(row.potentialCents)}</td>
                <td>
                  {format.wallDateTime(row.nextActionAt)}
                  {row.nextActionText && <div className="small">{row.nextActionText}</div>}
                </td>
                <td>
                  <FollowupBadges
                    state={row.state}
                    staleDays={row.staleDays}
                    words={badgeWords}
                    staleTitle={
                      row.lastCrmChange && row.staleAfterDays !== null
                        ? t('followups.stale.title', { date: format.date(row.lastCrmChange), days: row.staleAfterDays })
                        : undefined
                    }
                  />
                </td>
                <td>
                  <RowActions
                    id={row.id}
                    crmVersion={row.crmVersion}
                    number={row.number}
                    section={data.section}
                    view={view}
                    words={words}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.pages > 1 && data.page === 1 && (
        <p>
          <Link href={`${followupHref({ ...view, section: data.section, page: 2 })}#${anchor}`}>
            {t('followups.more', { count: format.integer(data.count - FOLLOWUP_PAGE_SIZE) })}
          </Link>
        </p>
      )}
      {data.pages > 1 && data.page > 1 && (
        <Pagination
          basePath="/crm/followups"
          search={search}
          page={data.page}
          pageSize={FOLLOWUP_PAGE_SIZE}
          total={data.count}
          t={t}
          fragment={anchor}
          label={heading}
        />
      )}
    </section>
  );
}
