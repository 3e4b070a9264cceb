// The fields of the contact forms (create and edit). The partner picker searches as you type; without
// JavaScript its "Suchen" submits the form by GET to `searchHref`, which renders it again prefilled.
import { SelectField, TextField } from '@/components/ui/fields';
import { CONTACT_MAX, SALUTATIONS, type ContactFormValues } from '@/lib/contacts/schemas';
import type { Translate } from '@/lib/i18n';
import type { PickerOption } from '@/lib/picker';
import { EntityPicker } from '@/components/ui/entity-picker';

export type PartnerPickerState = {
  selected: PickerOption | null;
  options: PickerOption[];
  query: string;
  searchHref: string;
  search: (query: string) => Promise<PickerOption[]>;
};

export function ContactFields({ t, values, partner }: { t: Translate; values: ContactFormValues; partner: PartnerPickerState }) {
  const salutations = [
    { value: '', label: t('contacts.salutation.none') },
    ...SALUTATIONS.map((value) => ({ value, label: t(`contacts.salutation.${value}`) })),
  ];
  const partnerLabel = t('contacts.partner');
  return (
    <div className="form-grid">
      <SelectField name="salutation" label={t('contacts.salutation')} options={salutations} defaultValue={values.salutation} />
      <TextField name="firstName" label={t('contacts.firstName')} defaultValue={values.firstName} maxLength={CONTACT_MAX.firstName} />
      <TextField name="lastName" label={t('contacts.lastName')} defaultValue={values.lastName} maxLength={CONTACT_MAX.lastName} required />
      <TextField name="position" label={t('contacts.position')} defaultValue={values.position} maxLength={CONTACT_MAX.position} />
      <TextField name="email" label={t('contacts.email')} type="email" defaultValue={values.email} maxLength={CONTACT_MAX.email} />
      <TextField name="phone" label={t('contacts.phone')} type="tel" defaultValue={values.phone} maxLength={CONTACT_MAX.phone} />
      <div className="form-grid-row">
        <EntityPicker
          name="partnerId"
          queryName="partnerQuery"
          {...partner}
          labels={{
            label: partnerLabel,
            none: t('picker.none'),
            search: t('picker.search'),
            searchIn: t('picker.searchIn', { label: partnerLabel }),
            noResults: t('picker.noResults'),
            clear: t('picker.clear'),
            hint: t('picker.hint'),
          }}
        />
      </div>
    </div>
  );
}
