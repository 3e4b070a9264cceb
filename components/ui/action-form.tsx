'use client';
// A real <form> bound to a server action: works without JavaScript, shows the action's message,
// and lets the fields inside show their errors and the values typed before an error.
import { createContext, useActionState, useContext } from 'react';
import type { ActionState } from '@/lib/action';
import { ActionMessages } from './action-messages';

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const FormStateContext = createContext<ActionState>({});

/** The form's last answer; `D` is what its action hands back as `data` (defineAction's `data` option). */
export function useFormState<D = unknown>(): ActionState<D> {
  return useContext(FormStateContext) as ActionState<D>;
}

export function ActionForm({
  action,
  submitLabel,
  submitClassName = 'button button-primary',
  submitAriaLabel,
  className = 'stack',
  label,
  disclosure,
  children,
}: {
  action: FormAction;
  submitLabel: string;
  submitClassName?: string;
  /** The button's accessible name, when its visible text (an arrow, say) is not enough. */
  submitAriaLabel?: string;
  className?: string;
  /** Accessible name of the form, when the page shows several. */
  label?: string;
  /** Folds the fields and the button into a <details> with this summary, opened while an answer stands. */
  disclosure?: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const body = (
    <>
      {/* The default button for Enter in a text field: the save, never a picker's "Suchen". */}
      <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      {children}
      <div>
        <button type="submit" className={submitClassName} disabled={pending} aria-label={submitAriaLabel}>
          {submitLabel}
        </button>
      </div>
    </>
  );
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className} aria-label={label} noValidate>
        <ActionMessages state={state} />
        {disclosure ? (
          // Open after an answer, so that an error and the typed values show also without JavaScript.
          <details open={state.error || state.message ? true : undefined}>
            <summary>{disclosure}</summary>
            {body}
          </details>
        ) : (
          body
        )}
      </form>
    </FormStateContext.Provider>
  );
}
