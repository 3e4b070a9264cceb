// /partners/[id]: a business partner's master data (view and edit), its contacts, its tickets, delete.
// Master data only: the CRM fields belong to the CRM tab, for `crm` users.
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { ContactTable } from '@/components/contacts/contact-table';
import { PartnerFields } from '@/components/partners/partner-fields';
import { PartnerTabs } from '@/components/partners/partner-tabs';
import { TicketTable } from '@/components/tickets/ticket-table';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxGroup } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { listPartnerContacts } from '@/lib/contacts/queries';
import { getI18n } from '@/lib/i18n/server';
import { findPartner, type PartnerDetail } from '@/lib/partners/queries';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { listTickets } from '@/lib/tickets/queries';
import { idSchema } from '@/lib/validation';
import { deletePartnerAction, updatePartnerAction } from '../actions';

const TICKET_LIMIT = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('partners.title') };
}

/** Only http(s) addresses become links; anything else stays text. */
function websiteHref(website: string): string | undefined {
  return /^https?:\/\//i.test(website) ? website : undefined;
}

function PartnerSummary({ partner }: { partner: PartnerDetail }) {
  const place = [partner.street, [partner.postcode, partner.city].filter(Boolean).join(' ')].filter(Boolean);
  // The country alone (every partner has one, "DE" by default) is no address.
  const address = place.length > 0 ? [...place, partner.country].filter(Boolean).join(', ') : '';
  const website = websiteHref(partner.website);
  return (
    <p className="summary-line">
      {address && <span>{address}</span>}
      {partner.phone && <a href={`tel:${partner.phone.replace(/[^\d+]/g, '')}`}>{partner.phone}</a>}
      {partner.email && <a href={`mailto:${partner.email}`}>{partner.email}</a>}
      {website && (
        <a href={website} rel="noopener noreferrer" target="_blank">
          {partner.website}
        </a>
      )}
    </p>
  );
}

export default async function PartnerPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const db = getDb();
  const id = idSchema.safeParse((await params).id);
  const partner = id.success ? findPartner(db, id.data) : null;
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
  const changed = format.dateTime(partner.updatedAt);
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
      <h1>{partner.name}</h1>
      <p className="muted">
        {t('partners.gpid')} {partner.gpid}
        {partner.name2 && ` · ${partner.name2}`} ·{' '}
        {partner.updatedByName ? t('partners.lastChange', { date: changed, name: partner.updatedByName }) : t('partners.lastChangeAnonymous', { date: changed })}
      </p>
      <PartnerSummary partner={partner} />
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
          <ActionForm action={deletePartnerAction} submitLabel={t('partners.delete')} submitClassName="button button-danger" label={t('partners.delete')}>
            {hidden}
            <CheckboxGroup name="confirm" legend={t('partners.deleteLegend')} options={[{ value: 'on', label: t('partners.deleteConfirm') }]} />
          </ActionForm>
        </section>
      </div>
    </>
  );
}
