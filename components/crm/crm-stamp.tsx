// "CRM geändert … von …": the CRM fields' own stamp, shown to crm users in the CRM panel and tab only.
// The record's "Zuletzt geändert" line stays the master data's, so plain users see no CRM activity.
import type { Formatter, Translate } from '@/lib/i18n';

export function CrmStamp({
  crm,
  t,
  format,
}: {
  crm: { crmUpdatedAt: Date | null; crmUpdatedBy: string | null };
  t: Translate;
  format: Formatter;
}) {
  if (!crm.crmUpdatedAt) return null;
  const date = format.dateTime(crm.crmUpdatedAt);
  return (
    <p className="muted">
      <time dateTime={crm.crmUpdatedAt.toISOString()}>
        {crm.crmUpdatedBy ? t('crm.lastChange', { date, name: crm.crmUpdatedBy }) : t('crm.lastChangeAnonymous', { date })}
      </time>
    </p>
  );
}
