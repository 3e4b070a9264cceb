// The filter form of the ticket list: a plain GET form whose fields are the list's URL parameters
// (lib/tickets/filters.ts), so it works without JavaScript and a filtered list is a shareable link.
import { searchPartnersAction } from '@/app/(app)/picker-actions';
import { EntityPicker } from '@/components/ui/entity-picker';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/fields';
import { TICKET_STATUSES } from '@/db/schema';
import type { Translate } from '@/lib/i18n';
import type { PickerOption } from '@/lib/picker';
import type { TicketListParams } from '@/lib/tickets/filters';
import { pickerLabels } from './ticket-fields';
import { assigneeFilterOptions } from '@/components/tickets/assignee-options';
import { CrmCriteriaFields } from '@/components/ticketboard/crm-criteria-fields';
import type { CrmCriteriaOptions } from '@/lib/ticketboard/form-options';

export function TicketFilterForm({
  params,
  partner,
  partnerMatches,
  partnerQuery,
  assignees,
  crm,
  t,
}: {
  params: TicketListParams;
  /** The partner filtered by, as the picker shows it. */
  partner: PickerOption | null;
  /** The no-JavaScript picker's matches for `partnerQuery`. */
  partnerMatches: PickerOption[];
  partnerQuery: string;
  assignees: { id: number; name: string }[];
  /** The CRM criteria's choices, passed for `crm` users only. */
  crm: CrmCriteriaOptions | null;
  t: Translate;
}) {
  return (
    <form method="get" action="/tickets" className="toolbar ticket-filters" aria-label={t('tickets.filters')}>
      <CheckboxGroup
        name="status"
        legend={t('tickets.status')}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`ticketStatus.${status}`) }))}
        defaultValue={params.status}
      />
      <SelectField
        name="assignee"
        label={t('tickets.assignee')}
        options={assigneeFilterOptions(t, assignees)}
        defaultValue={params.assignee.length > 0 ? String(params.assignee[0]) : ''}
      />
      <EntityPicker
        name="partner"
        queryName="partnerQuery"
        selected={partner}
        options={partnerMatches}
        query={partnerQuery}
        searchHref="/tickets"
        search={searchPartnersAction}
        labels={pickerLabels(t, t('tickets.partner'))}
      />
      <TextField name="q" label={t('list.searchLabel')} defaultValue={params.q} maxLength={200} />
      {crm && <CrmCriteriaFields params={params} options={crm} t={t} />}
      {/* A contact's tickets (linked from the contact page) stay filtered by that contact. */}
      {params.contact !== null && <input type="hidden" name="contact" value={params.contact} />}
      <div>
        <button type="submit" className="button button-primary">
          {t('common.apply')}
        </button>
      </div>
    </form>
  );
}
