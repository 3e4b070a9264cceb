// /admin/crm: the CRM lookup lists (crm_admin only), one tab per list, `?list=` in the URL.
import { Fragment } from 'react';
import Link from 'next/link';
import { EntryFields } from '@/components/crm-admin/entry-fields';
import { EntryRow } from '@/components/crm-admin/entry-row';
import { ActionForm } from '@/components/ui/action-form';
import { SortableList } from '@/components/ui/sortable-list';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { isLookupListKey, LOOKUP_LIST_KEYS, LOOKUP_LISTS } from '@/lib/lookups/lists';
import { countEntryUsage, listLookupEntries } from '@/lib/lookups/queries';
import { addEntryAction, reorderEntriesAction } from './actions';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('crmAdmin.title');

export default async function CrmAdminPage({ searchParams }: { searchParams: Promise<{ list?: string | string[] }> }) {
  const user = await requireRole('crm_admin');
  const { t, format } = await getI18n();
  const requested = (await searchParams).list;
  const list = LOOKUP_LISTS[isLookupListKey(requested) ? requested : 'crmTicketStatuses'];
  const db = getDb();
  const entries = listLookupEntries(db, user, list.key);
  const listName = t(`crmAdmin.list.${list.key}`);

  return (
    <>
      <h1>{t('crmAdmin.title')}</h1>
      <nav aria-label={t('crmAdmin.lists')} className="tabs">
        <ul>
          {LOOKUP_LIST_KEYS.map((key) => (
            <li key={key}>
              <Link href={`/admin/crm?list=${key}`} aria-current={key === list.key ? 'page' : undefined}>
                {t(`crmAdmin.list.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by list: a tab switch starts every form afresh, so no answer follows into another list
          (entry ids repeat across lists). */}
      <Fragment key={list.key}>
        <h2 id="list-title">{listName}</h2>
        <p className="muted">{t('crmAdmin.dragHint')}</p>
        {entries.length === 0 ? (
          <p>{t('crmAdmin.empty')}</p>
        ) : (
          <SortableList
            label={listName}
            save={reorderEntriesAction}
            fields={{ list: list.key }}
            items={entries.map((entry, index) => ({
              id: entry.id,
              node: (
                <EntryRow
                  list={list}
                  entry={entry}
                  usage={countEntryUsage(db, list.key, entry.id)}
                  first={index === 0}
                  last={index === entries.length - 1}
                  t={t}
                  format={format}
                />
              ),
            }))}
          />
        )}
        <section className="card narrow" aria-labelledby="add-entry">
          <h2 id="add-entry">{t('crmAdmin.addTitle', { list: listName })}</h2>
          <ActionForm action={addEntryAction} submitLabel={t('crmAdmin.add')}>
            <input type="hidden" name="list" value={list.key} />
            <EntryFields kind={list.kind} t={t} format={format} />
          </ActionForm>
        </section>
      </Fragment>
    </>
  );
}
