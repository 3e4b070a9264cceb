// The view's totals split by phase (SPEC section 14): the open pipeline at a glance, beside what was
// won and lost. The three rows add up to the grand total above; a last row gives the open tickets at
// risk among them (SPEC section 17).
import { figureLabels, presentFigures } from '@/lib/crm/dashboard/present';
import type { PhasedTotals } from '@/lib/crm/dashboard/tree';
import { PHASES } from '@/lib/crm/phases';
import type { Formatter, Translate } from '@/lib/i18n';

export function PhaseTable({ totals, t, format }: { totals: PhasedTotals; t: Translate; format: Formatter }) {
  const labels = figureLabels(t);
  return (
    <table className="table phase-table">
      <caption className="visually-hidden">{t('dashboard.phases')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('crm.field.phase')}</th>
          {labels.map((label) => (
            <th key={label} scope="col" className="num">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {PHASES.map((phase) => (
          <tr key={phase} className={`phase-row phase-${phase}`}>
            <th scope="row">{t(`crm.phase.${phase}`)}</th>
            {presentFigures(totals.phases[phase], t, format).map((figure, index) => (
              <td key={labels[index]} className="num">
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tbody>
        <tr className="phase-row at-risk-row">
          <th scope="row">
            <span className="badge followup-overdue">{t('followups.atRiskRow')}</span>
          </th>
          {presentFigures(totals.atRisk, t, format).map((figure, index) => (
            <td key={labels[index]} className="num">
              {figure}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
