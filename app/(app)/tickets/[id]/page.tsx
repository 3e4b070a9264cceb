// /tickets/[id]: the description, the edit form and the ticket information panel of one ticket.
// Without JavaScript the pickers' "Suchen" submits the edit form here by GET: the typed values (and the
// version the edit started from) come back from the search parameters.
import Link from 'next/link';
import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { HISTORY_PAGE_PARAM } from '@/components/crm/crm-history';
import { TicketCrmPanel } from '@/components/crm/ticket-crm-panel';
import { TicketFields } from '@/components/tickets/ticket-fields';
import { TicketInfoPanel } from '@/components/tickets/ticket-info-panel';
import { ActionForm } from '@/components/ui/action-form';
import { pageFrom, searchWithout } from '@/components/ui/pagination';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { ticketCrmPanelView } from '@/lib/crm/forms/queries';
import { getI18n } from '@/lib/i18n/server';
import { recordTitle } from '@/lib/i18n/titles';
import { findTicketPickerMatches, findTicketPickerOptions, listAssigneeChoices } from '@/lib/tickets/form-choices';
import { findTicketDetail } from '@/lib/tickets/queries';
import { otherPartnerMark } from '@/lib/picker';
import { isPickerSearch, ticketFormDraft } from '@/lib/tickets/schemas';
import { idSchema } from '@/lib/validation';
import { setTicketStatusAction, takeOverTicketAction, updateTicketAction } from '../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request for the title and the page. */
const loadTicket = cache((rawId: string) => {
  const id = idSchema.safeParse(rawId);
  return id.success ? findTicketDetail(getDb(), id.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const ticket = loadTicket((await params).id);
  return recordTitle(ticket && `${ticket.number} ${ticket.title}`, 'nav.tickets');
}

export default async function TicketPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const db = getDb();
  const ticket = loadTicket((await params).id);
  if (!ticket) notFound();

  const raw = await searchParams;
  // The CRM panel's view, for a `crm` user only: nobody else receives a CRM value.
  const crmPanel = hasRole(user, 'crm') ? ticketCrmPanelView(db, user, ticket.id, pageFrom(raw[HISTORY_PAGE_PARAM])) : undefined;
  const searching = isPickerSearch(raw);
  const draft = searching ? ticketFormDraft(raw) : null;
  const chosen = draft
    ? findTicketPickerOptions(db, { partnerId: draft.partnerId ?? null, contactId: draft.contactId ?? null })
    : { partner: ticket.partnerOption, contact: ticket.contactOption };

  return (
    <>
      <p>
        <Link href="/tickets">← {t('nav.tickets')}</Link>
      </p>
      <h1>
        <span className="muted">{ticket.number}</span> {ticket.title}
      </h1>
      <div className="ticket-layout">
        <div className="stack">
          <section className="card" aria-labelledby="ticket-description">
            <h2 id="ticket-description">{t('tickets.description')}</h2>
            {ticket.description ? (
              <p className="ticket-description">{ticket.description}</p>
            ) : (
              <p className="muted">{t('tickets.noDescription')}</p>
            )}
          </section>
          <section className="card" id="ticket-edit" aria-labelledby="ticket-edit-title">
            <h2 id="ticket-edit-title">{t('tickets.edit')}</h2>
            {searching && <p className="muted">{t('tickets.unsavedDraft')}</p>}
            <ActionForm action={updateTicketAction} submitLabel={t('common.save')}>
              <input type="hidden" name="id" value={ticket.id} />
              {/* The version the edit started from: a save against a newer one is refused. */}
              <input type="hidden" name="version" value={draft?.version ?? ticket.version} />
              {searching && <input type="hidden" name="fromPickerSearch" value="1" />}
              <TicketFields
                t={t}
                values={{
                  title: draft?.title ?? ticket.title,
                  description: draft?.description ?? ticket.description,
                  partner: chosen.partner,
                  contact: chosen.contact,
                  assigneeId: draft?.assigneeId ?? (ticket.assignee ? String(ticket.assignee.id) : ''),
                }}
                matches={findTicketPickerMatches(
                  db,
                  {
                    partnerQuery: draft?.partnerQuery ?? '',
                    contactQuery: draft?.contactQuery ?? '',
                    partnerId: chosen.partner?.id ?? null,
                  },
                  otherPartnerMark(t),
                )}
                assignees={listAssigneeChoices(db, ticket.assignee?.id ?? null)}
                searchHref={`/tickets/${ticket.id}#ticket-edit`}
              />
            </ActionForm>
          </section>
        </div>
        <aside className="stack">
          <TicketInfoPanel
            ticket={ticket}
            userId={user.id}
            actions={{ setStatus: setTicketStatusAction, takeOver: takeOverTicketAction }}
            t={t}
            format={format}
          />
          {crmPanel && <TicketCrmPanel view={crmPanel} search={searchWithout(raw, HISTORY_PAGE_PARAM)} t={t} format={format} />}
        </aside>
      </div>
    </>
  );
}
