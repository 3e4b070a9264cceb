// /contacts/[id]: a contact (view and edit), the tickets that name it, delete.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { ContactFields } from '@/components/contacts/contact-fields';
import { ContactAttributesForm } from '@/components/crm/contact-attributes-form';
import { TicketTable } from '@/components/tickets/ticket-table';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroup } from '@/components/ui/fields';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { contactAttributesView } from '@/lib/crm/forms/queries';
import { contactName, findContact } from '@/lib/contacts/queries';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { listTickets } from '@/lib/tickets/queries';
import { contactFormPrefill, isSalutation, prefillPartnerId } from '@/lib/contacts/schemas';
import { getI18n } from '@/lib/i18n/server';
import { recordTitle } from '@/lib/i18n/titles';
import { findPartnerOption, searchPartnerOptions } from '@/lib/partners/queries';
import { pickerQuery } from '@/lib/picker';
import { idSchema, versionSchema } from '@/lib/validation';
import { searchPartnersAction } from '../../picker-actions';
import { deleteContactAction, updateContactAction } from '../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request for the title and the page. */
const loadContact = cache((rawId: string) => {
  const id = idSchema.safeParse(rawId);
  return id.success ? findContact(getDb(), id.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const contact = loadContact((await params).id);
  return recordTitle(contact && contactName(contact), 'contacts.title');
}

export default async function ContactPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const db = getDb();
  const contact = loadContact((await params).id);
  if (!contact) notFound();
  const raw = await searchParams;
  // The Merkmale form's view, for a `crm` user only (Merkmale are CRM data).
  const attributesView = hasRole(user, 'crm') ? contactAttributesView(db, user, contact.id) : undefined;

  // After the picker's no-JavaScript search the form comes back by GET: keep what was typed, and the
  // version the edit started from, so a save in between is still detected.
  const values = contactFormPrefill(raw, contact);
  const chosenId = prefillPartnerId(raw);
  const partnerId = chosenId === undefined ? (contact.partner?.id ?? null) : chosenId;
  const selected = partnerId === null ? null : findPartnerOption(db, partnerId);
  const query = pickerQuery(raw.partnerQuery);
  const startedAt = versionSchema.safeParse(raw.version);
  const version = startedAt.success ? startedAt.data : contact.version;

  const tickets = listTickets(db, user, { ...EMPTY_TICKET_LIST_PARAMS, contact: contact.id }, { limit: 50, offset: 0 });
  const changed = format.dateTime(contact.updatedAt);
  const hidden = (
    <>
      <input type="hidden" name="id" value={contact.id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <>
      {raw.created === '1' && (
        <p className="alert alert-ok" role="status">
          {t('contacts.created')}
        </p>
      )}
      <p>
        <Link href="/contacts">← {t('contacts.title')}</Link>
      </p>
      <h1>
        {[isSalutation(contact.salutation) && t(`contacts.salutation.${contact.salutation}`), contactName(contact)]
          .filter(Boolean)
          .join(' ')}
      </h1>
      <p className="muted">
        {contact.partner ? <Link href={`/partners/${contact.partner.id}`}>{contact.partner.name}</Link> : t('contacts.noPartner')}
        {contact.position && ` · ${contact.position}`} ·{' '}
        {contact.updatedByName
          ? t('contacts.lastChange', { date: changed, name: contact.updatedByName })
          : t('contacts.lastChangeAnonymous', { date: changed })}
      </p>

      <div className="stack">
        <section className="card" aria-labelledby="contact-details">
          <h2 id="contact-details">{t('contacts.details')}</h2>
          {raw.partnerQuery !== undefined && <p className="muted">{t('contacts.unsavedDraft')}</p>}
          <ActionForm action={updateContactAction} submitLabel={t('common.save')} label={t('contacts.details')}>
            {hidden}
            <ContactFields
              t={t}
              values={values}
              partner={{
                selected,
                options: searchPartnerOptions(db, query),
                query,
                searchHref: `/contacts/${contact.id}`,
                search: searchPartnersAction,
              }}
            />
          </ActionForm>
        </section>

        {attributesView && <ContactAttributesForm view={attributesView} t={t} format={format} />}

        <section aria-labelledby="contact-tickets">
          <h2 id="contact-tickets">{t('contacts.tickets')}</h2>
          <TicketTable rows={tickets.rows} t={t} format={format} caption={t('contacts.tickets')} />
          {tickets.total > tickets.rows.length && (
            <p className="muted">
              {t('contacts.ticketsShown', { shown: tickets.rows.length, total: tickets.total })}{' '}
              <Link href={`/tickets?contact=${contact.id}`}>{t('contacts.allTickets')}</Link>
            </p>
          )}
        </section>

        <section className="card narrow" aria-labelledby="contact-delete">
          <h2 id="contact-delete">{t('contacts.delete')}</h2>
          <p className="muted">{t('contacts.deleteHint')}</p>
          <ActionForm
            action={deleteContactAction}
            submitLabel={t('contacts.delete')}
            submitClassName="button button-danger"
            label={t('contacts.delete')}
          >
            {hidden}
            <CheckboxGroup
              name="confirm"
              legend={t('contacts.deleteLegend')}
              options={[{ value: 'on', label: t('contacts.deleteConfirm') }]}
            />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
