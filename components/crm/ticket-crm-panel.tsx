// The CRM panel of a ticket (SPEC section 5): "CRM aktivieren" while off, else the CRM form and
// the history. Renders nothing for a user without `crm`, so no CRM value reaches the page.
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { getDb } from '@/db/client';
import { hasRole, type SessionUser } from '@/lib/auth/guards';
import { crmHistoryPage } from '@/lib/crm/history';
import { getTicketCrm } from '@/lib/crm/tickets/queries';
import type { Formatter, Translate } from '@/lib/i18n';
import { lookupOptions } from '@/lib/lookups/queries';
import { saveTicketCrmAction, setTicketCrmEnabledAction } from '@/app/(app)/tickets/[id]/crm-actions';
import { CrmHistory } from './crm-history';
import { CrmStamp } from './crm-stamp';
import { LookupCheckboxes, LookupSelect } from './lookup-fields';

export function TicketCrmPanel({
  ticketId,
  user,
  historyPage,
  search,
  t,
  format,
}: {
  ticketId: number;
  user: SessionUser;
  /** The history's page, and the ticket page's other parameters, which its page links keep. */
  historyPage: number;
  search: URLSearchParams;
  t: Translate;
  format: Formatter;
}) {
  if (!hasRole(user, 'crm')) return null;
  const db = getDb();
  const crm = getTicketCrm(db, user, ticketId);
  if (!crm) return null;
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
    <CrmHistory entity="ticket" history={crmHistoryPage(db, user, 'ticket', ticketId, historyPage)} basePath={`/tickets/${ticketId}`} search={search} t={t} format={format} />
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
      <ActionForm action={saveTicketCrmAction} submitLabel={t('common.save')} label={t('crm.panel.title')}>
        {identity}
        <LookupSelect name="crmStatusId" label={t('crm.field.crmStatus')} options={lookupOptions(db, user, 'crmTicketStatuses', crm.crmStatusId === null ? [] : [crm.crmStatusId])} value={crm.crmStatusId} t={t} />
        <div className="row">
          <TextField name="probability" label={`${t('crm.field.probability')} (%)`} defaultValue={crm.probability ?? ''} inputMode="numeric" />
          <TextField name="potential" label={`${t('crm.field.potential')} (EUR)`} defaultValue={format.amountInput(crm.potentialCents)} inputMode="decimal" />
          <TextField name="expectedUsers" label={t('crm.field.expectedUsers')} defaultValue={crm.expectedUsers ?? ''} inputMode="numeric" />
        </div>
        <LookupCheckboxes name="campaigns" legend={t('crm.field.campaigns')} options={lookupOptions(db, user, 'campaigns', crm.campaignIds)} values={crm.campaignIds} t={t} />
        <TextField name="newCampaigns" label={t('crm.newCampaigns')} maxLength={2000} />
        <LookupCheckboxes name="products" legend={t('crm.field.products')} options={lookupOptions(db, user, 'products', crm.productIds)} values={crm.productIds} t={t} />
        <TextField name="newProducts" label={t('crm.newProducts')} maxLength={2000} />
      </ActionForm>
      {toggle}
      {history}
    </section>
  );
}
