// "Verlauf": a record's CRM changes, newest first, values in the reader's language. A compact list,
// so it fits the ticket's side panel as well as the partner's CRM tab.
import { crmField, formatCrmValue } from '@/lib/crm/fields';
import type { CrmHistoryEntry } from '@/lib/crm/history';
import type { CrmEntity } from '@/db/schema';
import type { Formatter, Translate } from '@/lib/i18n';

export function CrmHistory({ entity, entries, t, format }: { entity: CrmEntity; entries: CrmHistoryEntry[]; t: Translate; format: Formatter }) {
  return (
    <section aria-labelledby={`history-${entity}`}>
      <h2 id={`history-${entity}`}>{t('crm.history.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('crm.history.empty')}</p>
      ) : (
        <ol className="history">
          {entries.map((entry) => {
            const field = crmField(entity, entry.field);
            return (
              <li key={entry.id}>
                <div className="muted small">
                  <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time> · {entry.userName ?? '—'}
                </div>
                <div>
                  <strong>{field ? t(field.label) : entry.field}</strong>: {formatCrmValue(field, entry.oldValue, t, format)} → {formatCrmValue(field, entry.newValue, t, format)}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
