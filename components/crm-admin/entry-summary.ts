// One line describing an entry's bounds, dates or target, in the reader's language.
import type { Formatter, Translate } from '@/lib/i18n';
import type { LookupKind } from '@/lib/lookups/lists';
import type { LookupEntry } from '@/lib/lookups/queries';

export function describeEntry(kind: LookupKind, entry: LookupEntry, t: Translate, format: Formatter): string {
  const upper = (value: string | null) => value ?? t('crmAdmin.unbounded');
  switch (kind) {
    case 'employees':
      return `${format.integer(entry.minEmployees ?? 0)} – ${upper(entry.maxEmployees == null ? null : format.integer(entry.maxEmployees))}`;
    case 'cents':
      return `${format.money(entry.minCents ?? 0)} – ${upper(entry.maxCents == null ? null : format.money(entry.maxCents))}`;
    case 'campaign': {
      const date = (iso: string | null | undefined) => (iso ? format.date(new Date(`${iso}T12:00:00Z`)) : '…');
      return entry.startDate || entry.endDate ? `${date(entry.startDate)} – ${date(entry.endDate)}` : '';
    }
    case 'attribute':
      return t(`crmAdmin.appliesTo.${entry.appliesTo ?? 'both'}`);
    case 'status': {
      const summary = t('crmAdmin.statusSummary', {
        phase: t(`crm.phase.${entry.phase ?? 'open'}`),
        color: entry.color ? t('crmAdmin.colorValue', { color: entry.color }) : t('crmAdmin.noColor'),
      });
      return entry.staleAfterDays == null ? summary : `${summary} · ${staleRule(entry, t)}`;
    }
    case 'plain':
      return '';
  }
}

/** "veraltet nach 14 Tagen", and a note when the status's phase makes the rule moot. */
function staleRule(entry: LookupEntry, t: Translate): string {
  const days = entry.staleAfterDays!;
  const rule = days === 1 ? t('crmAdmin.staleAfterOne') : t('crmAdmin.staleAfter', { count: days });
  return (entry.phase ?? 'open') === 'open' ? rule : `${rule} (${t('crmAdmin.staleOpenOnly')})`;
}
