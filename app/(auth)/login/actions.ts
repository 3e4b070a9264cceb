'use server';
// Sign-in as a server action, so the login form works without JavaScript.
import { AuthError } from 'next-auth';
import { signIn, LoginError } from '@/lib/auth';
import { translator } from '@/lib/i18n';

export type LoginState = { error?: string; email?: string };

/** Only local paths are followed after sign-in. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-/?=&%.]*$/.test(value) ? value : '/';
}

export async function signInAction(_previous: LoginState, submitted: FormData): Promise<LoginState> {
  // A hand-made call may pass anything instead of the form: it is answered like an empty form.
  const formData = submitted instanceof FormData ? submitted : new FormData();
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const password = String(formData.get('password') ?? '');
  const t = translator('de');
  try {
    await signIn('credentials', { email, password, redirectTo: safeNext(formData.get('next')) });
    return {};
  } catch (error) {
    // The redirect after a successful sign-in is thrown too: only auth failures are answered here.
    if (error instanceof AuthError) {
      const throttled = error instanceof LoginError && error.code === 'throttled';
      return { error: t(throttled ? 'login.throttled' : 'login.failed'), email };
    }
    throw error;
  }
}
