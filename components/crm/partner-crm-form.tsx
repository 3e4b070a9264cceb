// The CRM tab's form: every partner CRM field of SPEC section 2, the derived grouped company size
// shown read-only beside the employee count.
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxField, TextField } from '@/components/ui/fields';
import { getDb } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { companySizeFor, type PartnerCrm } from '@/lib/crm/partners/queries';
import type { Translate } from '@/lib/i18n';
import { attributeOptions, lookupOptions } from '@/lib/lookups/queries';
import { savePartnerCrmAction } from '@/app/(app)/partners/[id]/crm/actions';
import { LookupCheckboxes, LookupSelect } from './lookup-fields';

const one = (id: number | null) => (id === null ? [] : [id]);

export function PartnerCrmForm({ crm, user, t }: { crm: PartnerCrm; user: SessionUser; t: Translate }) {
  const db = getDb();
  const size = companySizeFor(db, crm.employeeCount);
  return (
    <ActionForm action={savePartnerCrmAction} submitLabel={t('common.save')} label={t('crm.tab.title')}>
      <input type="hidden" name="id" value={crm.id} />
      <input type="hidden" name="crmVersion" value={crm.crmVersion} />
      <div className="form-grid">
        <LookupSelect name="crmPartnerStatusId" label={t('crm.field.partnerStatus')} options={lookupOptions(db, user, 'crmPartnerStatuses', one(crm.crmPartnerStatusId))} value={crm.crmPartnerStatusId} t={t} />
        <LookupSelect name="companyGroupId" label={t('crm.field.companyGroup')} options={lookupOptions(db, user, 'companyGroups', one(crm.companyGroupId))} value={crm.companyGroupId} t={t} />
        <LookupSelect name="revenueGroupId" label={t('crm.field.revenueGroup')} options={lookupOptions(db, user, 'revenueGroups', one(crm.revenueGroupId))} value={crm.revenueGroupId} t={t} />
        <LookupSelect name="dataSourceId" label={t('crm.field.dataSource')} options={lookupOptions(db, user, 'dataSources', one(crm.dataSourceId))} value={crm.dataSourceId} t={t} />
        <TextField name="employeeCount" label={t('crm.field.employeeCount')} defaultValue={crm.employeeCount ?? ''} inputMode="numeric" />
        <div className="field">
          <span className="field-label" id="company-size-label">
            {t('crm.field.companySize')}
          </span>
          <output aria-labelledby="company-size-label">{size?.name ?? (crm.employeeCount === null ? '—' : t('crm.notInRange'))}</output>
        </div>
      </div>
      <div className="row">
        <CheckboxField name="newsletter" label={t('crm.field.newsletter')} defaultChecked={crm.newsletter} />
        <CheckboxField name="isProspect" label={t('crm.field.isProspect')} defaultChecked={crm.isProspect} />
      </div>
      <LookupCheckboxes name="campaigns" legend={t('crm.field.campaigns')} options={lookupOptions(db, user, 'campaigns', crm.campaignIds)} values={crm.campaignIds} t={t} />
      <TextField name="newCampaigns" label={t('crm.newCampaigns')} maxLength={2000} />
      <LookupCheckboxes name="products" legend={t('crm.field.products')} options={lookupOptions(db, user, 'products', crm.productIds)} values={crm.productIds} t={t} />
      <TextField name="newProducts" label={t('crm.newProducts')} maxLength={2000} />
      <LookupCheckboxes name="attributes" legend={t('crm.field.attributes')} options={attributeOptions(db, user, 'partner', crm.attributeIds)} values={crm.attributeIds} t={t} />
      <div className="form-grid">
        {(['comment1', 'comment2', 'comment3', 'comment4'] as const).map((key) => (
          <TextField key={key} name={key} label={t(`crm.field.${key}`)} defaultValue={crm[key]} maxLength={2000} multiline />
        ))}
      </div>
    </ActionForm>
  );
}
