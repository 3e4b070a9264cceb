'use client';
// The second submit of a delete that needs a confirmation: shown once the action asked for it
// (its answer names the `confirm` field), and sends `confirm=1`. Works without JavaScript too.
import { useFormState } from '@/components/ui/action-form';

export function ConfirmSubmit({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const { fieldErrors } = useFormState();
  if (!fieldErrors?.confirm) return null;
  return (
    <button type="submit" name="confirm" value="1" className="button button-danger" aria-label={ariaLabel}>
      {label}
    </button>
  );
}
