'use client';
// The ticket panel's Verlustgrund, offered when the chosen CRM status's phase is lost (SPEC section 14).
// Without JavaScript it always shows, with its hint, and the save refuses a reason beside a status that
// is not lost. With JavaScript it follows the status select without a reload; while hidden its fieldset
// is disabled, so it sends no stale value: the save stores none and the Verlauf records the change.
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useFormState } from '@/components/ui/action-form';

const BARE: CSSProperties = { border: 0, padding: 0, margin: 0, minWidth: 0 };

export function LostReasonField({
  statusField,
  lostStatusIds,
  hint,
  children,
}: {
  /** The form field naming the CRM status. */
  statusField: string;
  /** The statuses whose phase is lost. */
  lostStatusIds: number[];
  hint: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFieldSetElement>(null);
  // null until the script runs: then the field shows, with its hint.
  const [lost, setLost] = useState<boolean | null>(null);
  // Each answer of the form re-renders this, and the effect below reads the status select anew
  // (after a save or an error it mounts again with the saved or typed choice).
  useFormState();
  const lostKey = lostStatusIds.join(',');
  const read = useCallback(() => {
    const select = ref.current?.closest('form')?.elements.namedItem(statusField);
    if (select instanceof HTMLSelectElement) setLost(select.value !== '' && lostKey.split(',').includes(select.value));
  }, [statusField, lostKey]);

  useEffect(() => read());
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const onChange = (event: Event) => {
      if ((event.target as HTMLSelectElement | null)?.name === statusField) read();
    };
    // A reset puts the controls back only after its event: read them once it is done.
    const onReset = () => window.setTimeout(read, 0);
    form.addEventListener('change', onChange);
    form.addEventListener('reset', onReset);
    return () => {
      form.removeEventListener('change', onChange);
      form.removeEventListener('reset', onReset);
    };
  }, [read, statusField]);

  return (
    <fieldset ref={ref} style={BARE} hidden={lost === false} disabled={lost === false} data-lost-reason>
      {children}
      {lost === null && <p className="muted small">{hint}</p>}
    </fieldset>
  );
}
