// The master-data fields of the partner forms (create and edit), labelled in the reader's language.
import { TextField } from '@/components/ui/fields';
import type { MessageKey, Translate } from '@/lib/i18n';
import { PARTNER_MAX, type PartnerMasterData } from '@/lib/partners/schemas';

type Field = { name: keyof PartnerMasterData; label: MessageKey; type?: 'email' | 'tel' | 'url'; required?: boolean };

const FIELDS: Field[] = [
  { name: 'name', label: 'partners.name', required: true },
  { name: 'name2', label: 'partners.name2' },
  { name: 'searchName', label: 'partners.searchName' },
  { name: 'street', label: 'partners.street' },
  { name: 'postcode', label: 'partners.postcode' },
  { name: 'city', label: 'partners.city' },
  { name: 'country', label: 'partners.country' },
  { name: 'phone', label: 'partners.phone', type: 'tel' },
  { name: 'email', label: 'partners.email', type: 'email' },
  { name: 'website', label: 'partners.website', type: 'url' },
];

export function PartnerFields({ t, values }: { t: Translate; values: Partial<PartnerMasterData> }) {
  return (
    <div className="form-grid">
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={t(field.label)}
          type={field.type}
          required={field.required}
          maxLength={PARTNER_MAX[field.name]}
          defaultValue={values[field.name]}
        />
      ))}
    </div>
  );
}
