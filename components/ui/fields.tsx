'use client';
// Form fields that read their error and their last typed value from the surrounding ActionForm.
//
// React 19 resets a form after its action, back to each control's default. A text input's default follows
// its `defaultValue` prop, but a <select>'s default option and a checkbox's default state are fixed when
// the control mounts: after a save they would snap back to the page-load choice, and the next save would
// write that old choice back. So every choice control is keyed by the choice it shows: when the saved or
// typed choice differs from the mounted one, the control mounts anew with it as its default.
import { useId } from 'react';
import { useFormState } from './action-form';

function useField(name: string) {
  const state = useFormState();
  const id = useId();
  const error = state.fieldErrors?.[name];
  const submitted = !state.ok && state.values !== undefined;
  const typed = submitted ? state.values?.[name] : undefined;
  return { id, error, errorId: `${id}-error`, typed, submitted };
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TextField({
  name,
  label,
  defaultValue = '',
  type = 'text',
  required,
  maxLength,
  autoComplete,
  multiline,
  inputMode,
}: {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'time' | 'tel' | 'url';
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal';
}) {
  const { id, error, errorId, typed } = useField(name);
  const value = type === 'password' ? undefined : typeof typed === 'string' ? typed : (defaultValue ?? '');
  const common = {
    id,
    name,
    required,
    maxLength,
    autoComplete,
    inputMode,
    defaultValue: value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const { id, error, errorId, typed } = useField(name);
  const chosen = typeof typed === 'string' ? typed : defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        key={chosen ?? ''}
        id={id}
        name={name}
        defaultValue={chosen}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValue = [],
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string[];
}) {
  const { error, errorId, typed, submitted } = useField(name);
  // After a failed submit an absent key means every box was left unticked.
  const checked = !submitted ? defaultValue : typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            key={String(checked.includes(option.value))}
            type="checkbox"
            name={name}
            value={option.value}
            defaultChecked={checked.includes(option.value)}
          />
          {option.label}
        </label>
      ))}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}

/** One yes/no box; after a failed submit it shows what was sent (an absent box was unticked). */
export function CheckboxField({ name, label, defaultChecked = false }: { name: string; label: string; defaultChecked?: boolean }) {
  const { error, errorId, typed, submitted } = useField(name);
  const checked = submitted ? typed !== undefined : defaultChecked;
  return (
    <div className="field">
      <label className="checkbox">
        <input key={String(checked)} type="checkbox" name={name} defaultChecked={checked} aria-describedby={error ? errorId : undefined} />
        {label}
      </label>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
