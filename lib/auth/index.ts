import 'server-only';
// next-auth: credentials sign-in, JWT sessions carrying only the user id and session version.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { verifyCredentials } from './credentials';
import { authSecret } from './secret';

/** Carries why a sign-in failed ('invalid' or 'throttled') to the login action. */
export class LoginError extends CredentialsSignin {
  constructor(code: 'invalid' | 'throttled') {
    super();
    this.code = code;
  }
}

export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  // Failed sign-ins are expected; log them without a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
    warn() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials.email === 'string' ? credentials.email : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        const verdict = await verifyCredentials(getDb(), email, password, clientAddress(request.headers));
        if (!verdict.ok) throw new LoginError(verdict.reason);
        return { id: String(verdict.user.id), sessionVersion: verdict.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // Only the id and session version leave the token; everything else is re-read per request.
      return { ...session, uid: token.uid, sv: token.sv } as typeof session;
    },
  },
});
