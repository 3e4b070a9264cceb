// The CRM panel of a ticket (SPEC section 5): "CRM aktivieren" while off, else the CRM form and
// the history. The page loads its view for a `crm` user only, so no CRM value reaches anyone else.
import { ActionForm } from '@/components/ui/action-form';
import type { TicketCrmPanelView } from '@/lib/crm/forms/queries';
import { CRM_PROPERTIES } from '@/lib/crm/properties';
import type { Formatter, Translate } from '@/lib/i18n';
import { saveTicketCrmAction, setTicketCrmEnabledAction } from '@/app/(app)/tickets/[id]/crm-actions';
import { CrmFormFields } from './crm-form-fields';
import { CrmHistory } from './crm-history';
import { CrmStamp } from './crm-stamp';
import { NextActionBlock } from './followups/next-action-block';
import { LostReasonField } from './lost-reason-field';
import { StatusBadge } from './status-badge';

/** The form fields the panel arranges: the Verlustgrund follows the status, the slippage the expected close. */
const STATUS_FIELD = CRM_PROPERTIES.crmStatus.form.name;
const CLOSE_FIELD = CRM_PROPERTIES.expectedClose.form.name;
const LOST_REASON_FIELD = CRM_PROPERTIES.lostReason.form.name;
/** The next action's date and time, and its text: one block of their own (SPEC section 17). */
const NEXT_ACTION_FIELD = CRM_PROPERTIES.nextAction.form.name;
const NEXT_ACTION_TEXT_FIELD = CRM_PROPERTIES.nextActionText.form.name;

/** "03/2027" from `2027-03-15`: the month the expected close was first set to. */
function monthOf(isoDate: string): string {
  return `${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** The ticket's saved CRM status with its colour and phase, above the form. */
function CurrentStatus({ view, t }: { view: TicketCrmPanelView; t: Translate }) {
  const id = view.crm.crmStatusId;
  const option = id === null ? undefined : view.form.options[STATUS_FIELD]?.find((entry) => entry.id === id);
  const style = id === null ? undefined : view.statuses.get(id);
  if (!option || !style) return null;
  return (
    <p>
      {t('crm.field.crmStatus')}: <StatusBadge name={option.name} color={style.color} />{' '}
      <span className="muted">
        ({t('crm.field.phase')}: {t(`crm.phase.${style.phase}`)})
      </span>
    </p>
  );
}

export function TicketCrmPanel({
  view,
  search,
  t,
  format,
}: {
  /** Loaded by the page for a `crm` user only. */
  view: TicketCrmPanelView;
  /** The ticket page's other parameters, which the history's page links keep. */
  search: URLSearchParams;
  t: Translate;
  format: Formatter;
}) {
  const { crm } = view;
  const lostStatusIds = [...view.statuses].flatMap(([id, style]) => (style.phase === 'lost' ? [id] : []));
  const { slips, originalClose } = view.slippage;
  const identity = (
    <>
      <input type="hidden" name="id" value={crm.id} />
      <input type="hidden" name="crmVersion" value={crm.crmVersion} />
    </>
  );
  const toggle = (
    <ActionForm
      action={setTicketCrmEnabledAction}
      submitLabel={crm.enabled ? t('crm.panel.deactivate') : t('crm.panel.activate')}
      submitClassName={crm.enabled ? 'button' : 'button button-primary'}
      className="inline-form"
    >
      {identity}
      <input type="hidden" name="enabled" value={crm.enabled ? 'false' : 'true'} />
    </ActionForm>
  );
  const history = (
    <CrmHistory entity="ticket" history={view.history} basePath={`/tickets/${crm.id}`} search={search} t={t} format={format} />
  );

  // The two states are keyed apart: otherwise React would hand the toggle's form state (its "Gespeichert."
  // or an error) to the CRM form that takes its place, and the other way round.
  if (!crm.enabled) {
    return (
      <section key="crm-off" className="card stack" aria-labelledby="crm-panel">
        <h2 id="crm-panel">{t('crm.panel.title')}</h2>
        <p className="muted">{t('crm.panel.off')}</p>
        <CrmStamp crm={crm} t={t} format={format} />
        {toggle}
        {history}
      </section>
    );
  }
  return (
    <section key="crm-on" className="card stack" aria-labelledby="crm-panel">
      <h2 id="crm-panel">{t('crm.panel.title')}</h2>
      {crm.activatedAt && <p className="muted">{t('crm.panel.activeSince', { date: format.date(crm.activatedAt) })}</p>}
      <CrmStamp crm={crm} t={t} format={format} />
      <CurrentStatus view={view} t={t} />
      <ActionForm action={saveTicketCrmAction} submitLabel={t('common.save')} label={t('crm.panel.title')}>
        {identity}
        <CrmFormFields
          form={view.form}
          inputsClassName="row"
          wrap={{
            [CLOSE_FIELD]: (field) => (
              <div>
                {field}
                {slips > 0 && originalClose && (
                  <p className="muted small">{t('crm.panel.slipped', { count: slips, month: monthOf(originalClose) })}</p>
                )}
              </div>
            ),
            [NEXT_ACTION_FIELD]: (field) => (
              <NextActionBlock
                dateTime={field}
                text={{
                  name: NEXT_ACTION_TEXT_FIELD,
                  label: t(CRM_PROPERTIES.nextActionText.label),
                  value: String(view.form.values[NEXT_ACTION_TEXT_FIELD] ?? ''),
                }}
                followup={view.followup}
                t={t}
                format={format}
              />
            ),
            // Shown in the next action's block above, not among the other texts.
            [NEXT_ACTION_TEXT_FIELD]: () => null,
            [LOST_REASON_FIELD]: (field) => (
              <LostReasonField statusField={STATUS_FIELD} lostStatusIds={lostStatusIds} hint={t('crm.panel.lostReasonHint')}>
                {field}
              </LostReasonField>
            ),
          }}
          t={t}
          format={format}
        />
      </ActionForm>
      {toggle}
      {history}
    </section>
  );
}
