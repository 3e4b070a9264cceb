// The answer of a server action above its form: the error as an alert, a success as a status.
import type { ActionState } from '@/lib/action';

export function ActionMessages({ state }: { state: ActionState }) {
  return (
    <>
      {state.error && (
        <p className="alert alert-error" role="alert">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p className="alert alert-ok" role="status">
          {state.message}
        </p>
      )}
    </>
  );
}
