// /crm/changes/new?<dashboard view>&open=… or ?ticket=…: "Alle N Tickets ändern" (crm only). Without a
// change in the URL, the forms to choose one; with one, its confirmation, which applies it.
import Link from 'next/link';
import { BulkChangeForms } from '@/components/crm/bulk/change-forms';
import { HiddenParams } from '@/components/crm/bulk/hidden-params';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { bulkChangeValues } from '@/lib/crm/bulk/change';
import { readBulkNewPage } from '@/lib/crm/bulk/page-data';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { applyBulkChangeAction } from '../actions';

export const generateMetadata = () => pageTitle('bulk.newTitle');

type SearchParams = Record<string, string | string[] | undefined>;

/** The dashboard view a selection came from (chosen tickets: the plain dashboard). */
function dashboardLink(selection: string): string {
  const search = new URLSearchParams(selection);
  if (search.has('ticket')) return '/crm';
  return search.size > 0 ? `/crm?${search.toString()}` : '/crm';
}

export default async function NewBulkChangePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const page = await heavyRead(user.id, () => readBulkNewPage(getDb(), user, raw, t, format));

  if (page.step === 'invalid') {
    return (
      <>
        <h1>{t('bulk.newTitle')}</h1>
        <p className="alert alert-error" role="alert">
          {t('bulk.selectionInvalid', { param: page.problem.param, value: page.problem.value })}
        </p>
        <p>
          <Link href="/crm">← {t('bulk.backToDashboard')}</Link>
        </p>
      </>
    );
  }
  const back = (
    <p>
      <Link href={dashboardLink(page.selection)}>← {t('bulk.backToDashboard')}</Link> · <Link href="/crm/changes">{t('bulk.toList')}</Link>
    </p>
  );
  if (page.step === 'empty') {
    return (
      <>
        <h1>{t('bulk.newTitle')}</h1>
        {back}
        <p role="status">{t('bulk.none')}</p>
      </>
    );
  }
  const count = format.integer(page.count);
  if (page.step === 'choose') {
    return (
      <>
        <h1>{t('bulk.changeAll', { count })}</h1>
        {back}
        <p className="muted">{t('bulk.intro')}</p>
        <BulkChangeForms selection={page.selection} options={page.options} sent={page.sent} t={t} />
      </>
    );
  }
  const values = new URLSearchParams(bulkChangeValues(page.change));
  const choice = new URLSearchParams([...new URLSearchParams(page.selection), ...values, ['edit', '1']]);
  return (
    <>
      <h1>{t('bulk.confirmTitle')}</h1>
      {back}
      <p>
        <strong>{t('bulk.confirmLine', { change: page.description, count })}</strong>
      </p>
      {page.same > 0 && <p className="muted">{t('bulk.confirmSame', { count: format.integer(page.same) })}</p>}
      <ActionForm action={applyBulkChangeAction} submitLabel={t('bulk.confirm')} label={t('bulk.confirmTitle')}>
        <input type="hidden" name="selection" value={page.selection} />
        <input type="hidden" name="expectedCount" value={String(page.count)} />
        <HiddenParams search={values.toString()} />
      </ActionForm>
      <p>
        <Link href={`/crm/changes/new?${choice.toString()}`}>{t('bulk.backToChoice')}</Link>
      </p>
    </>
  );
}
