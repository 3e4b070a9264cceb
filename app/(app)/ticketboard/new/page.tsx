// /ticketboard/new: a new query (name and ticket-list parameters; CRM criteria for `crm` users only).
import Link from 'next/link';
import { QueryFields } from '@/components/ticketboard/query-fields';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { queryFieldOptions, queryFormValues } from '@/lib/ticketboard/form-options';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { createQueryAction } from '../actions';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('ticketboard.newQuery');

export default async function NewQueryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t } = await getI18n();
  const raw = await searchParams;
  const values = queryFormValues(raw, user, { name: '', params: EMPTY_TICKET_LIST_PARAMS });
  return (
    <>
      <p>
        <Link href="/ticketboard">{t('ticketboard.back')}</Link>
      </p>
      <h1>{t('ticketboard.newQuery')}</h1>
      <section className="card narrow">
        <ActionForm action={createQueryAction} submitLabel={t('common.save')} label={t('ticketboard.newQuery')}>
          <QueryFields
            name={values.name}
            params={values.params}
            options={queryFieldOptions(getDb(), user, values.params, raw, '/ticketboard/new')}
            t={t}
          />
        </ActionForm>
      </section>
    </>
  );
}
