'use client';
// The login form; a plain form post when JavaScript is off.
import { useActionState } from 'react';
import { signInAction, type LoginState } from './actions';

type Labels = { email: string; password: string; submit: string };

export function LoginForm({ labels, next }: { labels: Labels; next: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(signInAction, {});
  return (
    <form action={formAction} className="stack" noValidate>
      {state.error && (
        <p className="alert alert-error" role="alert">
          {state.error}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
