// A contact's Merkmale, for `crm` users (the page loads the view only for them). Plain props only.
import { ActionForm } from '@/components/ui/action-form';
import type { ContactAttributesView } from '@/lib/crm/forms/queries';
import type { Formatter, Translate } from '@/lib/i18n';
import { saveContactAttributesAction } from '@/app/(app)/contacts/[id]/crm-actions';
import { CrmFormFields } from './crm-form-fields';

export function ContactAttributesForm({ view, t, format }: { view: ContactAttributesView; t: Translate; format: Formatter }) {
  return (
    <section className="card" aria-labelledby="contact-attributes">
      <h2 id="contact-attributes">{t('crm.contactAttributes')}</h2>
      <ActionForm action={saveContactAttributesAction} submitLabel={t('crm.saveAttributes')}>
        <input type="hidden" name="id" value={view.contactId} />
        {view.attributeIds.map((id) => (
          <input key={id} type="hidden" name="shownAttributes" value={id} />
        ))}
        <CrmFormFields form={view.form} inputsClassName="form-grid" t={t} format={format} />
      </ActionForm>
    </section>
  );
}
