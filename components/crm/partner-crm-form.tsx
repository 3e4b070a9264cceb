// The CRM tab's form: every partner CRM field of SPEC section 2 (from the property registry), the
// derived grouped company size shown read-only beside the employee count. Plain props only.
import { ActionForm } from '@/components/ui/action-form';
import type { PartnerCrmFormView } from '@/lib/crm/forms/queries';
import type { Formatter, Translate } from '@/lib/i18n';
import { savePartnerCrmAction } from '@/app/(app)/partners/[id]/crm/actions';
import { CrmFormFields } from './crm-form-fields';

export function PartnerCrmForm({
  view,
  t,
  format,
}: {
  view: Pick<PartnerCrmFormView, 'crm' | 'form' | 'companySize'>;
  t: Translate;
  format: Formatter;
}) {
  const { crm, form, companySize } = view;
  const size = (
    <div className="field">
      <span className="field-label" id="company-size-label">
        {t('crm.field.companySize')}
      </span>
      <output aria-labelledby="company-size-label">{companySize?.name ?? (crm.employeeCount === null ? '—' : t('crm.notInRange'))}</output>
    </div>
  );
  return (
    <ActionForm action={savePartnerCrmAction} submitLabel={t('common.save')} label={t('crm.tab.title')}>
      <input type="hidden" name="id" value={crm.id} />
      <input type="hidden" name="crmVersion" value={crm.crmVersion} />
      <CrmFormFields form={form} inputsClassName="form-grid" after={{ employeeCount: size }} t={t} format={format} />
    </ActionForm>
  );
}
