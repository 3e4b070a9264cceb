// What a view of the dashboard's filters says about its URL (the dashboard, the pipeline board): each
// ignored value by its field's label, and a range of Benutzergröße or Abschluss no ticket can meet.
import type { DashboardParams } from '@/lib/crm/dashboard/params';
import { closeRangeInverted, parameterLabel, usersRangeInverted } from '@/lib/crm/dashboard/problems';
import type { Formatter, Translate } from '@/lib/i18n';
import { ignoredParamMessage, type ParamProblem } from '@/lib/url-params';

export function ViewProblems({
  problems,
  params,
  t,
  format,
}: {
  problems: readonly ParamProblem[];
  params: DashboardParams;
  t: Translate;
  format: Formatter;
}) {
  return (
    <>
      {problems.map((problem) => {
        const label = parameterLabel(problem.param);
        return (
          <p key={`${problem.param}-${problem.value}`} className="alert alert-error" role="alert">
            {ignoredParamMessage(problem, t, label ? t(label) : undefined)}
          </p>
        );
      })}
      {usersRangeInverted(params) && (
        <p className="alert alert-error" role="alert">
          {t('dashboard.usersRange', { from: format.integer(params.usersFrom!), to: format.integer(params.usersTo!) })}
        </p>
      )}
      {closeRangeInverted(params) && (
        <p className="alert alert-error" role="alert">
          {t('dashboard.closeRangeInverted')}
        </p>
      )}
    </>
  );
}
