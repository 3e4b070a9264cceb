// The data manager's settings: a plain GET form whose fields are the export's URL parameters
// (lib/data-manager/params.ts), so the preview works without JavaScript and is a shareable link.
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/fields';
import { TICKET_STATUSES, type ExportEntity } from '@/db/schema';
import type { CsvDialect } from '@/lib/csv/dialects';
import { CSV_DIALECTS } from '@/lib/csv/dialects';
import type { DataColumn } from '@/lib/data-manager/columns';
import type { Translate } from '@/lib/i18n';
import type { TicketListParams } from '@/lib/tickets/filters';
import { assigneeFilterOptions } from '@/components/tickets/assignee-options';

type Choice = { id: number; name: string };

export function ExportForm({
  entity,
  columns,
  chosen,
  attributes,
  attribute,
  dialect,
  ticketParams,
  assignees,
  t,
}: {
  entity: ExportEntity;
  /** The columns this user may choose (CRM ones only for `crm` users). */
  columns: readonly DataColumn[];
  chosen: readonly string[];
  /** Merkmale to filter by; null for a user without `crm` (no CRM filter is offered). */
  attributes: Choice[] | null;
  attribute: number | null;
  dialect: CsvDialect;
  ticketParams: TicketListParams;
  assignees: Choice[];
  t: Translate;
}) {
  const options = (crm: boolean) =>
    columns.filter((column) => column.crm === crm).map((column) => ({ value: column.key, label: t(column.label) }));
  const crmOptions = options(true);
  return (
    <form method="get" action="/data-manager" className="stack data-manager-form" aria-label={t('dataManager.form')}>
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="preview" value="1" />
      <div className="data-manager-columns">
        <CheckboxGroup name="columns" legend={t('dataManager.columns')} options={options(false)} defaultValue={[...chosen]} />
        {crmOptions.length > 0 && (
          <CheckboxGroup name="columns" legend={t('dataManager.crmColumns')} options={crmOptions} defaultValue={[...chosen]} />
        )}
      </div>
      <p className="muted">{t('dataManager.columnsHint')}</p>
      <fieldset className="field">
        <legend>{t('dataManager.filters')}</legend>
        <div className="toolbar">
          {attributes && (
            <SelectField
              name="attribute"
              label={t('dataManager.attribute')}
              options={[
                { value: '', label: t('dataManager.anyAttribute') },
                ...attributes.map((entry) => ({ value: String(entry.id), label: entry.name })),
              ]}
              defaultValue={attribute === null ? '' : String(attribute)}
            />
          )}
          {entity === 'tickets' && attributes && (
            <SelectField
              name="crm"
              label={t('dataManager.crm')}
              options={[
                { value: '', label: t('dataManager.crmAny') },
                { value: 'on', label: t('dataManager.crmOn') },
                { value: 'off', label: t('dataManager.crmOff') },
              ]}
              defaultValue={ticketParams.crm ?? ''}
            />
          )}
          {entity === 'tickets' && (
            <>
              <SelectField
                name="assignee"
                label={t('tickets.assignee')}
                options={assigneeFilterOptions(t, assignees)}
                defaultValue={ticketParams.assignee.length > 0 ? String(ticketParams.assignee[0]) : ''}
              />
              <TextField name="q" label={t('list.searchLabel')} defaultValue={ticketParams.q} maxLength={200} />
            </>
          )}
        </div>
        {entity === 'tickets' && (
          <CheckboxGroup
            name="status"
            legend={t('tickets.status')}
            options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`ticketStatus.${status}`) }))}
            defaultValue={ticketParams.status}
          />
        )}
      </fieldset>
      <fieldset className="field">
        <legend>{t('dataManager.dialect')}</legend>
        {CSV_DIALECTS.map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="dialect" value={value} defaultChecked={value === dialect} />
            <span>
              {t(`dataManager.dialect.${value}`)} <span className="muted">– {t(`dataManager.dialectHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button button-primary">
          {t('dataManager.preview')}
        </button>
      </div>
    </form>
  );
}
