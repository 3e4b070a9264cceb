'use client';
// An EntityPicker inside an ActionForm: shows the action's error for its field and, after a failed
// save without JavaScript, the choice that was submitted rather than the one the page was loaded with.
import { useFormState } from '@/components/ui/action-form';
import { EntityPicker, type PickerOption } from '@/components/ui/entity-picker';

type Props = Omit<React.ComponentProps<typeof EntityPicker>, 'error'>;

export function FormEntityPicker(props: Props) {
  const state = useFormState();
  const typed = !state.ok && state.values ? state.values[props.name] : undefined;
  let selected: PickerOption | null = props.selected;
  if (typeof typed === 'string') {
    // The submitted id is one of the choices the form offered (the selected one or a search match).
    selected = [props.selected, ...props.options].find((option) => option !== null && String(option.id) === typed) ?? null;
  }
  return <EntityPicker {...props} selected={selected} error={state.fieldErrors?.[props.name]} />;
}
