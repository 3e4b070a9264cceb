// Stand-in for `next-auth` and `@/lib/auth` in integration tests: next-auth needs the Next.js
// runtime. `signIn` runs the application's own credentials check (lib/auth/credentials.ts) the way
// the Credentials provider does, then redirects like next-auth: a refused sign-in throws a
// LoginError (an AuthError), a successful one throws the fake redirect of tests/support/fake-next.ts.
//   vi.mock('next-auth', () => import('../support/fake-auth'));
//   vi.mock('@/lib/auth', () => import('../support/fake-auth'));
import { getDb } from '@/db/client';
import { verifyCredentials } from '@/lib/auth/credentials';
import { redirect } from './fake-next';

/** The client address every fake sign-in comes from. */
export const FAKE_CLIENT_ADDRESS = '203.0.113.7';

export class AuthError extends Error {}

export class CredentialsSignin extends AuthError {
  code = 'credentials';
}

export class LoginError extends CredentialsSignin {
  constructor(code: 'invalid' | 'throttled') {
    super();
    this.code = code;
  }
}

export async function signIn(_provider: string, options: { email?: unknown; password?: unknown; redirectTo: string }): Promise<never> {
  const email = typeof options.email === 'string' ? options.email : '';
  const password = typeof options.password === 'string' ? options.password : '';
  const verdict = await verifyCredentials(getDb(), email, password, FAKE_CLIENT_ADDRESS);
  if (!verdict.ok) throw new LoginError(verdict.reason);
  redirect(options.redirectTo);
}

export async function signOut(options: { redirectTo: string }): Promise<never> {
  redirect(options.redirectTo);
}
