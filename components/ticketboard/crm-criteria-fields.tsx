// The CRM criteria of a ticket list (SPEC sections 6 and 14): "CRM ist aktiviert / nicht aktiviert",
// CRM-Status, Umsatzgruppe, Phase, "schließt in den nächsten N Tagen", "überfällig". Shared by the ticket-board query form and the filter form of /tickets; the pages pass
// their options only for `crm` users.
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '@/components/ui/fields';
import { PHASES } from '@/db/schema';
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
      <CheckboxGroup
        name="crmPhase"
        legend={t('ticketboard.field.crmPhase')}
        options={PHASES.map((phase) => ({ value: phase, label: t(`crm.phase.${phase}`) }))}
        defaultValue={params.crmPhase}
      />
      <TextField
        name="closeWithin"
        label={t('ticketboard.field.closeWithin')}
        type="number"
        inputMode="numeric"
        defaultValue={params.closeWithin}
      />
      <CheckboxField name="overdue" label={t('ticketboard.field.overdue')} defaultChecked={params.overdue} />
    </>
  );
}
