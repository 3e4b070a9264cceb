// /tickets: the ticket list, newest first, 50 per page. Its URL parameters are those of a ticket-board
// query (SPEC section 6); invalid values and CRM criteria of a user without `crm` are named and ignored.
import Link from 'next/link';
import { getDb } from '@/db/client';
import { TicketFilterForm } from '@/components/tickets/ticket-filter-form';
import { TicketTable } from '@/components/tickets/ticket-table';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { searchPartnerOptions } from '@/lib/partners/queries';
import { pickerQuery } from '@/lib/picker';
import { crmCriteriaOptions } from '@/lib/ticketboard/form-options';
import { dropUnknownCrmIds, parseTicketListParams, serialiseTicketListParams } from '@/lib/tickets/filters';
import { findTicketPickerOptions, listAssigneeChoices } from '@/lib/tickets/form-choices';
import { listTickets } from '@/lib/tickets/queries';
import { ignoredParamMessage } from '@/lib/url-params';
import { ListCount } from '@/components/ui/list-count';
import { SaveAsQueryForm } from '@/components/ticketboard/save-as-query-form';
import { pageTitle } from '@/lib/i18n/titles';
import { crmStatusStyles } from '@/lib/lookups/queries';

export const generateMetadata = () => pageTitle('nav.tickets');

const PAGE_SIZE = 50;

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const parsed = parseTicketListParams(raw, { allowCrm: hasRole(user, 'crm') });
  const page = pageFrom(raw.page);
  const db = getDb();
  // For `crm` users only; archived entries stay on offer while the URL names them.
  const crm = crmCriteriaOptions(db, user, parsed.params);
  const checked = crm
    ? dropUnknownCrmIds(parsed.params, {
        crmStatus: crm.statuses.map((option) => option.id),
        revenueGroup: crm.revenueGroups.map((option) => option.id),
      })
    : { params: parsed.params, problems: [] };
  const params = checked.params;
  const problems = [...parsed.problems, ...checked.problems];
  const { rows, total } = listTickets(db, user, params, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const partnerQuery = pickerQuery(raw.partnerQuery);
  const firstAssignee = params.assignee.find((id) => id !== 'me');

  return (
    <>
      <div className="page-heading">
        <h1>{t('nav.tickets')}</h1>
        <Link href="/tickets/new" className="button button-primary">
          {t('tickets.new')}
        </Link>
      </div>
      {problems.map((problem, index) => (
        <p key={index} className="alert alert-error" role="alert">
          {ignoredParamMessage(problem, t)}
        </p>
      ))}
      <TicketFilterForm
        params={params}
        partner={findTicketPickerOptions(db, { partnerId: params.partner, contactId: null }).partner}
        partnerMatches={searchPartnerOptions(db, partnerQuery)}
        partnerQuery={partnerQuery}
        assignees={listAssigneeChoices(db, typeof firstAssignee === 'number' ? firstAssignee : null)}
        crm={crm}
        t={t}
      />
      <SaveAsQueryForm params={params} t={t} />
      <ListCount total={total} t={t} format={format} />
      <TicketTable
        rows={rows}
        t={t}
        format={format}
        caption={t('nav.tickets')}
        crmColumns={crm !== null}
        crmStatuses={crm ? crmStatusStyles(db, user) : undefined}
      />
      <Pagination basePath="/tickets" search={serialiseTicketListParams(params)} page={page} pageSize={PAGE_SIZE} total={total} t={t} />
    </>
  );
}
