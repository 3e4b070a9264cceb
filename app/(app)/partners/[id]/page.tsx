// /partners/[id]: a business partner's master data (view and edit), its contacts, its tickets, delete.
// Master data only: the CRM fields belong to the CRM tab, for `crm` users.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { ContactTable } from '@/components/contacts/contact-table';
import { PartnerFields } from '@/components/partners/partner-fields';
import { PartnerHeader } from '@/components/partners/partner-header';
import { PartnerTabs } from '@/components/partners/partner-tabs';
import { TicketTable } from '@/components/tickets/ticket-table';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroup } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { listPartnerContacts } from '@/lib/contacts/queries';
import { getI18n } from '@/lib/i18n/server';
import { recordTitle } from '@/lib/i18n/titles';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { listTickets } from '@/lib/tickets/queries';
import { deletePartnerAction, updatePartnerAction } from '../actions';
import { loadPartner } from './load-partner';

const TICKET_LIMIT = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  return recordTitle(loadPartner((await params).id)?.name, 'partners.title');
}

export default async function PartnerPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const db = getDb();
  const partner = loadPartner((await params).id);
  if (!partner) notFound();
  const created = (await searchParams).created === '1';
  const contacts = listPartnerContacts(db, partner.id);
  const tickets = listTickets(db, user, { ...EMPTY_TICKET_LIST_PARAMS, partner: partner.id }, { limit: TICKET_LIMIT, offset: 0 });
  const hidden = (
    <>
      <input type="hidden" name="id" value={partner.id} />
      <input type="hidden" name="version" value={partner.version} />
    </>
  );
  return (
    <>
      {created && (
        <p className="alert alert-ok" role="status">
          {t('partners.created')}
        </p>
      )}
      <p>
        <Link href="/partners">← {t('partners.title')}</Link>
      </p>
      <PartnerHeader partner={partner} t={t} format={format} />
      <PartnerTabs partnerId={partner.id} current="" roles={user.roles} t={t} />

      <div className="stack">
        <section className="card" aria-labelledby="partner-master-data">
          {/* The tab above already says "Stammdaten"; the heading names the region for screen readers. */}
          <h2 id="partner-master-data" className="visually-hidden">
            {t('partners.masterData')}
          </h2>
          <ActionForm action={updatePartnerAction} submitLabel={t('common.save')} label={t('partners.masterData')}>
            {hidden}
            <PartnerFields t={t} values={partner} />
          </ActionForm>
        </section>

        <section aria-labelledby="partner-contacts">
          <div className="page-heading">
            <h2 id="partner-contacts">{t('partners.contacts')}</h2>
            <Link href={`/contacts/new?partner=${partner.id}`} className="button">
              {t('partners.addContact')}
            </Link>
          </div>
          {contacts.length === 0 ? (
            <p className="muted">{t('partners.noContacts')}</p>
          ) : (
            <ContactTable rows={contacts} t={t} showPartner={false} caption={t('partners.contacts')} />
          )}
        </section>

        <section aria-labelledby="partner-tickets">
          <h2 id="partner-tickets">{t('partners.tickets')}</h2>
          <TicketTable rows={tickets.rows} t={t} format={format} caption={t('partners.tickets')} />
          {tickets.total > tickets.rows.length && (
            <p className="muted">
              {t('partners.ticketsShown', { shown: tickets.rows.length, total: tickets.total })}{' '}
              <Link href={`/tickets?partner=${partner.id}`}>{t('partners.allTickets')}</Link>
            </p>
          )}
        </section>

        <section className="card narrow" aria-labelledby="partner-delete">
          <h2 id="partner-delete">{t('partners.delete')}</h2>
          <p className="muted">{t('partners.deleteHint')}</p>
          <ActionForm
            action={deletePartnerAction}
            submitLabel={t('partners.delete')}
            submitClassName="button button-danger"
            label={t('partners.delete')}
          >
            {hidden}
            <CheckboxGroup
              name="confirm"
              legend={t('partners.deleteLegend')}
              options={[{ value: 'on', label: t('partners.deleteConfirm') }]}
            />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
