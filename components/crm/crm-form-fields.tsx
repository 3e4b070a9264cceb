// The fields of a CRM form, rendered from the property registry (lib/crm/properties.ts) in its
// order: choices, numbers and dates, then flags, then multiple choices, then texts. Plain props only.
import type { ReactNode } from 'react';
import { CheckboxField, TextField } from '@/components/ui/fields';
import type { CrmFormData, CrmFormValue } from '@/lib/crm/forms/queries';
import type { CrmFormField } from '@/lib/crm/form-fields';
import { propertiesOf } from '@/lib/crm/properties';
import type { Formatter, MessageKey, Translate } from '@/lib/i18n';
import { LookupCheckboxes, LookupSelect } from './lookup-fields';

type Field = { field: CrmFormField; label: MessageKey };

const asNumber = (value: CrmFormValue | undefined) => (typeof value === 'number' ? value : null);
const asIds = (value: CrmFormValue | undefined) => (Array.isArray(value) ? value : []);

export function CrmFormFields({
  form,
  inputsClassName,
  after = {},
  wrap = {},
  t,
  format,
}: {
  form: CrmFormData;
  inputsClassName: string;
  /** What stands after a field, by field name (a derived value, a hint). */
  after?: Record<string, ReactNode>;
  /** What a field stands in, by field name (a field shown only in some cases). */
  wrap?: Record<string, (field: ReactNode) => ReactNode>;
  t: Translate;
  format: Formatter;
}) {
  const fields: Field[] = propertiesOf(form.entity, 'form').map(([, property]) => ({ field: property.form!, label: property.label }));
  const of = (...controls: CrmFormField['control'][]) => fields.filter(({ field }) => controls.includes(field.control));
  const value = (name: string) => form.values[name];

  const input = ({ field, label }: Field): ReactNode => {
    switch (field.control) {
      case 'lookup':
        return (
          <LookupSelect
            name={field.name}
            label={t(label)}
            options={form.options[field.name] ?? []}
            value={asNumber(value(field.name))}
            t={t}
          />
        );
      case 'number':
        return (
          <TextField
            name={field.name}
            label={field.unit ? `${t(label)} (${field.unit})` : t(label)}
            defaultValue={asNumber(value(field.name)) ?? ''}
            inputMode="numeric"
          />
        );
      case 'money':
        return (
          <TextField
            name={field.name}
            label={`${t(label)} (EUR)`}
            defaultValue={format.amountInput(asNumber(value(field.name)))}
            inputMode="decimal"
          />
        );
      case 'checkbox':
        return <CheckboxField name={field.name} label={t(label)} defaultChecked={value(field.name) === true} />;
      case 'checkboxes':
        return (
          <>
            <LookupCheckboxes
              name={field.name}
              legend={t(label)}
              options={form.options[field.name] ?? []}
              values={asIds(value(field.name))}
              t={t}
            />
            {field.create && <TextField name={field.create} label={t(`crm.${field.create}`)} maxLength={2000} />}
          </>
        );
      case 'text':
        return <TextField name={field.name} label={t(label)} defaultValue={String(value(field.name) ?? '')} maxLength={2000} multiline />;
      case 'date':
        return <TextField name={field.name} label={t(label)} type="date" defaultValue={String(value(field.name) ?? '')} />;
      case 'dateTime': {
        const [day = '', time = ''] = String(value(field.name) ?? '').split('T');
        return (
          <>
            <TextField name={field.name} label={t(label)} type="date" defaultValue={day} />
            <TextField name={`${field.name}Time`} label={t(`${label}Time` as MessageKey)} type="time" defaultValue={time} />
          </>
        );
      }
    }
  };
  const section = (list: Field[], className?: string) => {
    if (list.length === 0) return null;
    const items = list.map((item) => {
      const wrapper = wrap[item.field.name];
      return (
        <FieldWithExtra key={item.field.name} extra={after[item.field.name]}>
          {wrapper ? wrapper(input(item)) : input(item)}
        </FieldWithExtra>
      );
    });
    return className ? <div className={className}>{items}</div> : items;
  };
  return (
    <>
      {section(of('lookup', 'number', 'money', 'date', 'dateTime'), inputsClassName)}
      {section(of('checkbox'), 'row')}
      {section(of('checkboxes'))}
      {section(of('text'), 'form-grid')}
    </>
  );
}

function FieldWithExtra({ extra, children }: { extra: ReactNode; children: ReactNode }) {
  return (
    <>
      {children}
      {extra}
    </>
  );
}
