// The CRM criteria of a ticket list (SPEC section 6): "CRM ist aktiviert / nicht aktiviert", CRM-Status,
// Umsatzgruppe. Shared by the ticket-board query form and the filter form of /tickets; the pages pass
// their options only for `crm` users.
import { CheckboxGroup, SelectField } from '@/components/ui/fields';
import type { Translate } from '@/lib/i18n';
import type { CrmCriteriaOptions } from '@/lib/ticketboard/form-options';
import type { TicketListParams } from '@/lib/tickets/filters';

type Option = { id: number; name: string; archived: boolean };

function choices(options: Option[], t: Translate) {
  return options.map((option) => ({
    value: String(option.id),
    label: option.archived ? `${option.name} ${t('ticketboard.archived')}` : option.name,
  }));
}

export function CrmCriteriaFields({ params, options, t }: { params: TicketListParams; options: CrmCriteriaOptions; t: Translate }) {
  return (
    <>
      <SelectField
        name="crm"
        label={t('ticketboard.field.crm')}
        options={[
          { value: '', label: t('ticketboard.crm.any') },
          { value: 'on', label: t('ticketboard.crm.on') },
          { value: 'off', label: t('ticketboard.crm.off') },
        ]}
        defaultValue={params.crm ?? ''}
      />
      <CheckboxGroup
        name="crmStatus"
        legend={t('ticketboard.field.crmStatus')}
        options={choices(options.statuses, t)}
        defaultValue={params.crmStatus.map(String)}
      />
      <CheckboxGroup
        name="revenueGroup"
        legend={t('ticketboard.field.revenueGroup')}
        options={choices(options.revenueGroups, t)}
        defaultValue={params.revenueGroup.map(String)}
      />
    </>
  );
}
