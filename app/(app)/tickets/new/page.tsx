// /tickets/new: create a ticket for a partner, a contact or both. Without JavaScript the pickers'
// "Suchen" submits the form here by GET, so every field is prefilled from the search parameters.
import Link from 'next/link';
import { getDb } from '@/db/client';
import { TicketFields } from '@/components/tickets/ticket-fields';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/fields';
import { TICKET_STATUSES } from '@/db/schema';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { findTicketPickerMatches, findTicketPickerOptions, listAssigneeChoices } from '@/lib/tickets/form-choices';
import { otherPartnerMark } from '@/lib/picker';
import { isPickerSearch, ticketFormDraft } from '@/lib/tickets/schemas';
import { createTicketAction } from '../actions';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('tickets.new');

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const { t } = await getI18n();
  const raw = await searchParams;
  const draft = ticketFormDraft(raw);
  const db = getDb();
  const chosen = findTicketPickerOptions(db, { partnerId: draft.partnerId ?? null, contactId: draft.contactId ?? null });
  return (
    <>
      <p>
        <Link href="/tickets">← {t('nav.tickets')}</Link>
      </p>
      <h1 id="new-ticket">{t('tickets.new')}</h1>
      <section className="card narrow" aria-labelledby="new-ticket">
        {isPickerSearch(raw) && <p className="muted">{t('tickets.unsavedDraft')}</p>}
        <ActionForm action={createTicketAction} submitLabel={t('tickets.create')}>
          <TicketFields
            t={t}
            values={{
              title: draft.title ?? '',
              description: draft.description ?? '',
              partner: chosen.partner,
              contact: chosen.contact,
              assigneeId: draft.assigneeId ?? '',
            }}
            matches={findTicketPickerMatches(db, { ...draft, partnerId: chosen.partner?.id ?? null }, otherPartnerMark(t))}
            assignees={listAssigneeChoices(db)}
            searchHref="/tickets/new"
          />
          <SelectField
            name="status"
            label={t('tickets.status')}
            options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`ticketStatus.${status}`) }))}
            defaultValue={draft.status ?? 'open'}
          />
        </ActionForm>
      </section>
    </>
  );
}
