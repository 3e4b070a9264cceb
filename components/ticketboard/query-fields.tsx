// The fields of a ticket-board query: its name and the ticket list's parameters (SPEC section 6).
// The CRM criteria are rendered only when the page passes their options, i.e. for `crm` users.
import { searchPartnersAction } from '@/app/(app)/picker-actions';
import { pickerLabels } from '@/components/tickets/ticket-fields';
import { EntityPicker } from '@/components/ui/entity-picker';
import { CrmCriteriaFields } from './crm-criteria-fields';
import { CheckboxGroup, TextField } from '@/components/ui/fields';
import { TICKET_STATUSES } from '@/db/schema';
import type { Translate } from '@/lib/i18n';
import type { QueryFieldOptions } from '@/lib/ticketboard/form-options';
import type { TicketListParams } from '@/lib/tickets/filters';

export function QueryFields({
  name,
  params,
  options,
  t,
}: {
  name: string;
  params: TicketListParams;
  options: QueryFieldOptions;
  t: Translate;
}) {
  return (
    <>
      <TextField name="name" label={t('ticketboard.field.name')} defaultValue={name} required maxLength={80} />
      <CheckboxGroup
        name="status"
        legend={t('tickets.status')}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`ticketStatus.${status}`) }))}
        defaultValue={params.status}
      />
      <CheckboxGroup
        name="assignee"
        legend={t('ticketboard.field.assignee')}
        options={[
          { value: 'me', label: t('tickets.me') },
          ...options.assignees.map((user) => ({ value: String(user.id), label: user.name })),
        ]}
        defaultValue={params.assignee.map(String)}
      />
      <EntityPicker
        name="partner"
        queryName="partnerQuery"
        selected={options.partner}
        options={options.partnerMatches}
        query={options.partnerQuery}
        searchHref={options.searchHref}
        search={searchPartnersAction}
        labels={pickerLabels(t, t('ticketboard.field.partner'))}
      />
      <TextField name="q" label={t('ticketboard.field.q')} defaultValue={params.q} maxLength={200} />
      {/* A contact filter comes only from a saved ticket list ("Als Abfrage speichern"); kept as it was. */}
      {params.contact !== null && <input type="hidden" name="contact" value={params.contact} />}
      {options.crm && <CrmCriteriaFields params={params} options={options.crm} t={t} />}
    </>
  );
}
