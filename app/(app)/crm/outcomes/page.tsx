// /crm/outcomes: win rates per group of one key and the calibration of Abschlusschance (crm only),
// over the won and lost tickets of the dashboard's view; `row=` names the key (default Bearbeiter).
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CalibrationTable } from '@/components/crm/outcomes/calibration-table';
import { RowKeyForm } from '@/components/crm/outcomes/row-key-form';
import { WinRateTable } from '@/components/crm/outcomes/win-rate-table';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { DIMENSIONS, isMultiValued } from '@/lib/crm/dashboard/dimensions';
import { GROUP_KEYS, serialiseDashboardParams, withoutEmptyValues } from '@/lib/crm/dashboard/params';
import { parameterLabel } from '@/lib/crm/dashboard/problems';
import { readOutcomesPage } from '@/lib/crm/outcomes/page-data';
import { closedPhasesOf, parseOutcomesView } from '@/lib/crm/outcomes/params';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { ignoredParamMessage } from '@/lib/url-params';

export const generateMetadata = () => pageTitle('outcomes.title');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CrmOutcomesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const cleaned = withoutEmptyValues(raw);
  if (cleaned) redirect(cleaned.size > 0 ? `/crm/outcomes?${cleaned.toString()}` : '/crm/outcomes');
  const { params, row, problems } = parseOutcomesView(raw);
  // Win rates and calibration in one synchronous read, in this user's turn (lib/server-load).
  const { winRates, hiddenRows, calibration } = await heavyRead(user.id, () => readOutcomesPage(getDb(), { user, params, row }));
  const view = serialiseDashboardParams(params);
  const rowLabel = t(DIMENSIONS[row].label);
  const decided = winRates.total.won + winRates.total.lost;

  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      <p>
        <Link href={view.size > 0 ? `/crm?${view.toString()}` : '/crm'}>← {t('outcomes.back')}</Link>
      </p>
      {problems.map((problem) => {
        const label = problem.param === 'row' ? 'outcomes.row' : parameterLabel(problem.param);
        return (
          <p key={`${problem.param}-${problem.value}`} className="alert alert-error" role="alert">
            {ignoredParamMessage(problem, t, label ? t(label) : undefined)}
          </p>
        );
      })}
      <p className="muted">{t('outcomes.intro')}</p>
      <RowKeyForm
        row={row}
        options={GROUP_KEYS.map((key) => ({ value: key, label: t(DIMENSIONS[key].label) }))}
        hidden={view}
        words={{ form: t('outcomes.viewForm'), row: t('outcomes.row'), show: t('outcomes.show') }}
      />
      {closedPhasesOf(params).length === 0 && (
        <p className="alert" role="status">
          {t('outcomes.openOnly')}
        </p>
      )}
      {decided === 0 ? (
        <p>{t('outcomes.noTickets')}</p>
      ) : (
        <>
          <section aria-labelledby="win-rates">
            <h2 id="win-rates">
              {t('outcomes.winRates')}: {rowLabel}
            </h2>
            <p className="muted small">{t('outcomes.winRatesHint')}</p>
            {isMultiValued(row) && <p className="muted small">{t('outcomes.overlapNote', { field: rowLabel })}</p>}
            <WinRateTable winRates={winRates} rowLabel={rowLabel} t={t} format={format} />
            {hiddenRows > 0 && <p className="alert">{t('outcomes.moreRows', { hidden: format.integer(hiddenRows) })}</p>}
          </section>
          <section aria-labelledby="calibration">
            <h2 id="calibration">{t('outcomes.calibration')}</h2>
            <p className="muted small">{t('outcomes.calibrationHint')}</p>
            <CalibrationTable calibration={calibration} t={t} format={format} />
          </section>
        </>
      )}
    </>
  );
}
