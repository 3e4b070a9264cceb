'use client';
// A CRM status's Farbe: a colour input and the box "keine Farbe" (a colour input always sends some
// colour). Keeps what was typed after an error; picking a colour unticks the box (comfort only:
// without JavaScript the box is unticked by hand).
import { useId, useRef } from 'react';
import { useFormState } from '@/components/ui/action-form';

const FALLBACK = '#6b7f99';

export function ColorField({
  label,
  noColorLabel,
  defaultValue,
}: {
  label: string;
  noColorLabel: string;
  /** `#rrggbb`, or null: none. */
  defaultValue: string | null;
}) {
  const state = useFormState();
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const error = state.fieldErrors?.color;
  const submitted = !state.ok && state.values !== undefined;
  const typed = submitted ? state.values?.color : undefined;
  // The colour input accepts only `#rrggbb`: anything else typed falls back to the default.
  const color = typeof typed === 'string' && /^#[0-9a-f]{6}$/i.test(typed) ? typed.toLowerCase() : (defaultValue ?? FALLBACK);
  const none = submitted ? state.values?.noColor !== undefined : defaultValue === null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          key={`${color}-${String(none)}`}
          id={id}
          type="color"
          name="color"
          defaultValue={color}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={() => {
            if (box.current) box.current.checked = false;
          }}
        />
        <label className="checkbox">
          <input key={String(none)} ref={box} type="checkbox" name="noColor" defaultChecked={none} />
          {noColorLabel}
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
