// /contacts/new: create a contact, optionally under a partner (?partner=ID preselects it). Without
// JavaScript the partner picker's search comes back here by GET with every field typed so far.
import Link from 'next/link';
import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { ContactFields } from '@/components/contacts/contact-fields';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/guards';
import { contactFormPrefill, prefillPartnerId } from '@/lib/contacts/schemas';
import { getI18n } from '@/lib/i18n/server';
import { findPartnerOption, searchPartnerOptions } from '@/lib/partners/queries';
import { pickerQuery } from '@/lib/picker';
import { searchPartnersAction } from '../../picker-actions';
import { createContactAction } from '../actions';

const EMPTY = { salutation: '', firstName: '', lastName: '', email: '', phone: '', position: '' };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('contacts.new') };
}

export default async function NewContactPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { t } = await getI18n();
  const db = getDb();
  const raw = await searchParams;
  const partnerId = prefillPartnerId(raw);
  const selected = partnerId ? findPartnerOption(db, partnerId) : null;
  const query = pickerQuery(raw.partnerQuery);
  return (
    <>
      <p>
        {selected ? (
          <Link href={`/partners/${selected.id}`}>← {selected.label}</Link>
        ) : (
          <Link href="/contacts">← {t('contacts.title')}</Link>
        )}
      </p>
      <h1 id="new-contact">{t('contacts.new')}</h1>
      <section className="card" aria-labelledby="new-contact">
        {raw.partnerQuery !== undefined && <p className="muted">{t('contacts.unsavedDraft')}</p>}
        <ActionForm action={createContactAction} submitLabel={t('contacts.create')}>
          <ContactFields
            t={t}
            values={contactFormPrefill(raw, EMPTY)}
            partner={{
              selected,
              options: searchPartnerOptions(db, query),
              query,
              searchHref: '/contacts/new',
              search: searchPartnersAction,
            }}
          />
        </ActionForm>
      </section>
    </>
  );
}
