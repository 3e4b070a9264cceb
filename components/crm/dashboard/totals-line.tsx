// The five pipeline figures of the whole view or of one group's list.
import { figureLabels, presentFigures } from '@/lib/crm/dashboard/present';
import type { Totals } from '@/lib/crm/dashboard/tree';
import type { Formatter, Translate } from '@/lib/i18n';

export function TotalsLine({ totals, t, format }: { totals: Totals; t: Translate; format: Formatter }) {
  const labels = figureLabels(t);
  const values = presentFigures(totals, t, format);
  return (
    <dl className="totals">
      {labels.map((label, index) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{values[index]}</dd>
        </div>
      ))}
    </dl>
  );
}
