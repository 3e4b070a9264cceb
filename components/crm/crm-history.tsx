// "Verlauf": a record's CRM changes, newest first, values in the reader's language, 20 at a time
// (older ones a page further, `historyPage`). A compact list, so it fits the ticket's side panel as
// well as the partner's CRM tab.
import { Pagination } from '@/components/ui/pagination';
import { formatCrmValue, historyProperty } from '@/lib/crm/history-fields';
import type { CrmHistoryPage } from '@/lib/crm/history';
import type { CrmEntity } from '@/db/schema';
import type { Formatter, Translate } from '@/lib/i18n';

/** The URL parameter of the history's page on the ticket page and the partner's CRM tab. */
export const HISTORY_PAGE_PARAM = 'historyPage';

export function CrmHistory({
  entity,
  history,
  basePath,
  search,
  t,
  format,
}: {
  entity: CrmEntity;
  history: CrmHistoryPage;
  /** The page the history is shown on, and its other parameters, which the page links keep. */
  basePath: string;
  search: URLSearchParams;
  t: Translate;
  format: Formatter;
}) {
  const headingId = `history-${entity}`;
  const { entries, total, page, pageSize } = history;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('crm.history.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('crm.history.empty')}</p>
      ) : (
        <>
          {total > pageSize && <p className="muted small">{t('crm.history.count', { count: format.integer(total) })}</p>}
          <ol className="history">
            {entries.map((entry) => {
              const field = historyProperty(entity, entry.field);
              return (
                <li key={entry.id}>
                  <div className="muted small">
                    <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time> · {entry.userName ?? '—'}
                  </div>
                  <div>
                    <strong>{field ? t(field.label) : entry.field}</strong>: {formatCrmValue(field, entry.oldValue, t, format)} →{' '}
                    {formatCrmValue(field, entry.newValue, t, format)}
                  </div>
                </li>
              );
            })}
          </ol>
          <Pagination
            basePath={basePath}
            search={search}
            page={page}
            pageSize={pageSize}
            total={total}
            t={t}
            param={HISTORY_PAGE_PARAM}
            fragment={headingId}
            label={t('crm.history.pages')}
          />
        </>
      )}
    </section>
  );
}
