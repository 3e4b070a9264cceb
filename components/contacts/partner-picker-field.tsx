'use client';
// The partner picker of the contact forms: EntityPicker with the field's error and, after a refused
// save, the partner that was chosen (rendered again by the server when JavaScript is off).
import type { ComponentProps } from 'react';
import { useFormState } from '@/components/ui/action-form';
import { EntityPicker } from '@/components/ui/entity-picker';

type Props = Omit<ComponentProps<typeof EntityPicker>, 'error'>;

export function PartnerPickerField(props: Props) {
  const state = useFormState();
  const typed = !state.ok && state.values ? state.values[props.name] : undefined;
  let selected = props.selected;
  if (typeof typed === 'string') {
    const known = props.selected ? [props.selected, ...props.options] : props.options;
    selected = typed === '' ? null : (known.find((option) => String(option.id) === typed) ?? props.selected);
  }
  return <EntityPicker {...props} selected={selected} error={state.fieldErrors?.[props.name]} />;
}
