// /crm/forecast: open CRM tickets by month of their expected close (crm only), rows by one group
// key, with the dashboard's filters. The view lives in the URL; a GET form changes it.
import Link from 'next/link';
import { ForecastForm } from '@/components/crm/forecast/forecast-form';
import { ForecastTable } from '@/components/crm/forecast/forecast-table';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { DIMENSIONS, GROUP_KEYS, isMultiValued } from '@/lib/crm/dashboard/dimensions';
import { serialiseDashboardParams } from '@/lib/crm/dashboard/params';
import { parameterLabel } from '@/lib/crm/dashboard/problems';
import {
  FORECAST_PARAMS,
  MAX_FORECAST_MONTHS,
  parseForecastParams,
  serialiseForecastParams,
  type ForecastParams,
} from '@/lib/crm/forecast/params';
import { presentForecast } from '@/lib/crm/forecast/present';
import { readForecast } from '@/lib/crm/forecast/queries';
import type { MessageKey } from '@/lib/i18n';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { ignoredParamMessage, paramValues } from '@/lib/url-params';

export const generateMetadata = () => pageTitle('forecast.title');

type SearchParams = Record<string, string | string[] | undefined>;

const FORECAST_LABELS: Record<(typeof FORECAST_PARAMS)[number], MessageKey> = {
  from: 'forecast.from',
  months: 'forecast.months',
  row: 'forecast.row',
};

function exportHref(params: ForecastParams, dialect: 'excel' | 'rfc4180'): string {
  const search = serialiseForecastParams(params);
  search.set('dialect', dialect);
  return `/crm/forecast/export?${search.toString()}`;
}

export default async function CrmForecastPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const { params, problems } = parseForecastParams(raw);
  // The table in one synchronous read, in this user's turn (lib/server-load).
  const table = await heavyRead(user.id, () => readForecast(getDb(), user, params, t));
  const presented = presentForecast(table, t, format);
  const rowLabel = t(DIMENSIONS[params.row].label);
  const labelOf = (param: string): string | undefined => {
    const key = FORECAST_PARAMS.find((name) => name === param);
    const label = key ? FORECAST_LABELS[key] : parameterLabel(param);
    return label ? t(label) : undefined;
  };
  // A value the page could not use stays in its field, so nothing typed is lost.
  const typed = (name: (typeof FORECAST_PARAMS)[number], parsed: string) =>
    problems.some((problem) => problem.param === name) ? (paramValues(raw, name)[0] ?? parsed) : parsed;
  const dashboard = serialiseDashboardParams(params.view).toString();

  return (
    <>
      <h1>{t('forecast.title')}</h1>
      <p className="muted">{t('forecast.intro')}</p>
      {problems.map((problem) => (
        <p key={`${problem.param}-${problem.value}`} className="alert alert-error" role="alert">
          {ignoredParamMessage(problem, t, labelOf(problem.param))}
        </p>
      ))}
      {params.view.phase.length > 0 && <p className="alert">{t('forecast.phaseIgnored')}</p>}
      <ForecastForm
        hidden={[...serialiseDashboardParams(params.view).entries()]}
        from={typed('from', params.from)}
        months={typed('months', String(params.months))}
        maxMonths={MAX_FORECAST_MONTHS}
        row={params.row}
        rowOptions={GROUP_KEYS.map((key) => ({ key, label: t(DIMENSIONS[key].label) }))}
        words={{
          title: t('forecast.settings'),
          from: t('forecast.from'),
          fromHint: t('forecast.fromHint'),
          months: t('forecast.months'),
          row: t('forecast.row'),
          show: t('forecast.show'),
        }}
      />
      <p>
        <Link href={dashboard ? `/crm?${dashboard}` : '/crm'}>← {t('forecast.backToDashboard')}</Link>
      </p>
      <p className="export-links">
        {t('dashboard.export')}: <a href={exportHref(params, 'excel')}>{t('dashboard.exportExcel')}</a> ·{' '}
        <a href={exportHref(params, 'rfc4180')}>{t('dashboard.exportRfc')}</a>
      </p>
      {table.total.count === 0 ? (
        <p>{t('forecast.noTickets')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('forecast.legend', {
              count: t('forecast.count'),
              potential: t('forecast.sumPotential'),
              weighted: t('forecast.sumWeighted'),
            })}
          </p>
          {isMultiValued(params.row) && <p className="muted small">{t('forecast.overlapNote', { field: `„${rowLabel}“` })}</p>}
          <ForecastTable
            forecast={presented}
            words={{
              caption: t('forecast.caption', { row: rowLabel }),
              rowHeading: rowLabel,
              total: t('forecast.total'),
            }}
          />
          {presented.hiddenRows > 0 && (
            <p className="alert">
              {t('forecast.moreRows', { hidden: format.integer(presented.hiddenRows) })}{' '}
              <a href={exportHref(params, 'excel')}>{t('dashboard.exportExcel')}</a>
            </p>
          )}
        </>
      )}
    </>
  );
}
