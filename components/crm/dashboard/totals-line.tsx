// The five pipeline figures of a group or of the whole view.
import type { Totals } from '@/lib/crm/dashboard/tree';
import type { Formatter, Translate } from '@/lib/i18n';

export function TotalsLine({ totals, t, format }: { totals: Totals; t: Translate; format: Formatter }) {
  const items: [string, string][] = [
    [t('dashboard.count'), format.integer(totals.count)],
    [t('dashboard.sumPotential'), format.money(totals.sumPotentialCents)],
    [t('dashboard.sumWeighted'), format.money(totals.sumWeightedCents)],
    [t('dashboard.avgProbability'), totals.avgProbability === null ? '—' : format.percent(totals.avgProbability)],
    [t('dashboard.sumUsers'), format.integer(totals.sumExpectedUsers)],
  ];
  return (
    <dl className="totals">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
