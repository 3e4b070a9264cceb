// "Als Abfrage speichern" on a ticket list: the list's current parameters as hidden fields plus a
// name, posted to the same action (and schema) as the board's own query form.
import { createQueryAction } from '@/app/(app)/ticketboard/actions';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import type { Translate } from '@/lib/i18n';
import { serialiseTicketListParams, type TicketListParams } from '@/lib/tickets/filters';

export function SaveAsQueryForm({ params, t }: { params: TicketListParams; t: Translate }) {
  const hidden = [...serialiseTicketListParams(params).entries()];
  return (
    <details className="save-as-query">
      <summary>{t('ticketboard.saveAsQuery')}</summary>
      <ActionForm
        action={createQueryAction}
        submitLabel={t('ticketboard.saveAsQuery')}
        label={t('ticketboard.saveAsQueryTitle')}
        className="toolbar"
      >
        {hidden.map(([name, value], index) => (
          <input key={index} type="hidden" name={name} value={value} />
        ))}
        <TextField name="name" label={t('ticketboard.field.name')} required maxLength={80} />
      </ActionForm>
    </details>
  );
}
