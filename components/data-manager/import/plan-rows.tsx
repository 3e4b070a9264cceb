// The dry run's rows: line, record, action, each field before → after, and every problem with its
// column, value and reason. Server-rendered from the plan the page loaded.
import type { ExportEntity } from '@/db/schema';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';
import { translateError } from '@/lib/i18n';
import type { PlanNames } from '@/lib/import/plan/names';
import type { PlannedRow } from '@/lib/import/plan/types';
import type { ImportProblem } from '@/lib/import/problems';
import { fieldLabel, formatPlannedValue } from './change-value';

export function problemText(problem: ImportProblem, t: Translate): string {
  return translateError(t, problem.reason, problem.params);
}

/** Problems as a table: line, column, value, reason. */
export function ProblemTable({ problems, caption, t }: { problems: readonly ImportProblem[]; caption: string; t: Translate }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.ui.line')}</th>
          <th scope="col">{t('import.ui.column')}</th>
          <th scope="col">{t('import.ui.value')}</th>
          <th scope="col">{t('import.ui.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <td>{problem.line ?? '—'}</td>
            <td>{problem.column ?? '—'}</td>
            <td>{problem.value ?? '—'}</td>
            <td>{problemText(problem, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanRows({
  entity,
  rows,
  names,
  t,
  format,
}: {
  entity: ExportEntity;
  rows: readonly PlannedRow[];
  names: PlanNames;
  t: Translate;
  format: Formatter;
}) {
  if (rows.length === 0) return <p className="muted">{t('import.ui.noRows')}</p>;
  const value = (key: string, raw: unknown) => formatPlannedValue(entity, key, raw, names, t, format);
  return (
    <table className="table import-rows">
      <thead>
        <tr>
          <th scope="col">{t('import.ui.line')}</th>
          <th scope="col">{t('import.ui.record')}</th>
          <th scope="col">{t('import.ui.what')}</th>
          <th scope="col">{t('import.ui.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.line} data-action={row.action}>
            <td>{row.line}</td>
            <td>{row.label}</td>
            <td>{t(`import.ui.action.${row.action}` as MessageKey)}</td>
            <td>
              {row.changes.length > 0 && (
                <ul className="plain">
                  {row.changes.map((change) => (
                    <li key={change.key}>
                      {fieldLabel(entity, change.key, t)}:{' '}
                      {row.action === 'update'
                        ? `${value(change.key, change.before)} → ${value(change.key, change.after)}`
                        : value(change.key, change.after)}
                    </li>
                  ))}
                </ul>
              )}
              {row.problems.length > 0 && (
                <ul className="plain field-error">
                  {row.problems.map((problem, index) => (
                    <li key={index}>
                      {t('import.ui.line')} {problem.line ?? row.line}
                      {problem.column ? `, ${problem.column}` : ''}
                      {problem.value !== null ? ` „${problem.value}“` : ''}: {problemText(problem, t)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
