// /contacts: every contact, searched (name, e-mail, partner name) and paged through URL parameters (q, page).
import Link from 'next/link';
import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { ContactSearch } from '@/components/contacts/contact-search';
import { ContactTable } from '@/components/contacts/contact-table';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { requireUser } from '@/lib/auth/guards';
import { listContacts } from '@/lib/contacts/queries';
import { CONTACT_PAGE_SIZE, contactListQuery } from '@/lib/contacts/schemas';
import { getI18n } from '@/lib/i18n/server';
import { ListCount } from '@/components/ui/list-count';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('contacts.title') };
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const query = contactListQuery(raw.q);
  const page = pageFrom(raw.page);
  const { rows, total } = listContacts(getDb(), query, { limit: CONTACT_PAGE_SIZE, offset: (page - 1) * CONTACT_PAGE_SIZE });
  return (
    <>
      <div className="page-heading">
        <h1>{t('contacts.title')}</h1>
        <Link href="/contacts/new" className="button button-primary">
          {t('contacts.new')}
        </Link>
      </div>
      {raw.deleted === '1' && (
        <p className="alert alert-ok" role="status">
          {t('contacts.deleted')}
        </p>
      )}
      <ContactSearch query={query} t={t} />
      <ListCount total={total} t={t} format={format} />
      {rows.length === 0 ? <p className="muted">{t('list.empty')}</p> : <ContactTable rows={rows} t={t} caption={t('contacts.title')} />}
      <Pagination
        basePath="/contacts"
        search={new URLSearchParams(query ? { q: query } : {})}
        page={page}
        pageSize={CONTACT_PAGE_SIZE}
        total={total}
        t={t}
      />
    </>
  );
}
