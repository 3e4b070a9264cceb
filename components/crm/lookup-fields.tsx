// Form fields choosing CRM lookup entries: a select for one, checkboxes for many. Archived
// entries appear only where the record already carries them, marked as archived.
import { CheckboxGroup, SelectField } from '@/components/ui/fields';
import type { Translate } from '@/lib/i18n';

export type LookupOption = { id: number; name: string; archived: boolean };

function labelOf(option: LookupOption, t: Translate): string {
  return option.archived ? t('crm.archivedSuffix', { name: option.name }) : option.name;
}

export function LookupSelect({
  name,
  label,
  options,
  value,
  t,
}: {
  name: string;
  label: string;
  options: LookupOption[];
  value: number | null;
  t: Translate;
}) {
  return (
    <SelectField
      name={name}
      label={label}
      defaultValue={value === null ? '' : String(value)}
      options={[{ value: '', label: t('crm.none') }, ...options.map((option) => ({ value: String(option.id), label: labelOf(option, t) }))]}
    />
  );
}

export function LookupCheckboxes({
  name,
  legend,
  options,
  values,
  t,
}: {
  name: string;
  legend: string;
  options: LookupOption[];
  values: number[];
  t: Translate;
}) {
  return (
    <CheckboxGroup
      name={name}
      legend={legend}
      defaultValue={values.map(String)}
      options={options.map((option) => ({ value: String(option.id), label: labelOf(option, t) }))}
    />
  );
}
