// "Verlauf": a record's CRM changes, newest first, values in the reader's language.
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
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('crm.history.at')}</th>
              <th scope="col">{t('crm.history.field')}</th>
              <th scope="col">{t('crm.history.old')}</th>
              <th scope="col">{t('crm.history.new')}</th>
              <th scope="col">{t('crm.history.user')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const field = crmField(entity, entry.field);
              return (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time>
                  </td>
                  <td>{field ? t(field.label) : entry.field}</td>
                  <td>{formatCrmValue(field, entry.oldValue, t, format)}</td>
                  <td>{formatCrmValue(field, entry.newValue, t, format)}</td>
                  <td>{entry.userName ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
