// /ticketboard/[id]: edit one of the user's own queries; another user's id is "not found".
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { QueryFields } from '@/components/ticketboard/query-fields';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { queryFieldOptions, queryFormValues } from '@/lib/ticketboard/form-options';
import { findOwnQuery } from '@/lib/ticketboard/queries';
import { idSchema } from '@/lib/validation';
import { updateQueryAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  const query = id.success ? findOwnQuery(getDb(), user, id.data) : null;
  return query ? pageTitle('ticketboard.editTitle', { name: query.name }) : pageTitle('ticketboard.title');
}

export default async function EditQueryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { t } = await getI18n();
  const id = idSchema.safeParse((await params).id);
  const db = getDb();
  const query = id.success ? findOwnQuery(db, user, id.data) : null;
  if (!query) notFound();
  const raw = await searchParams;
  const values = queryFormValues(raw, user, query);
  return (
    <>
      <p>
        <Link href="/ticketboard">{t('ticketboard.back')}</Link>
      </p>
      <h1>{t('ticketboard.editTitle', { name: query.name })}</h1>
      {query.crmUnavailable && <p className="alert alert-error">{t('ticketboard.crmUnavailable')}</p>}
      <section className="card narrow">
        <ActionForm action={updateQueryAction} submitLabel={t('common.save')} label={t('ticketboard.editTitle', { name: query.name })}>
          <input type="hidden" name="id" value={query.id} />
          <input type="hidden" name="version" value={query.version} />
          <QueryFields
            name={values.name}
            params={values.params}
            options={queryFieldOptions(db, user, values.params, raw, `/ticketboard/${query.id}`)}
            t={t}
          />
        </ActionForm>
      </section>
    </>
  );
}
