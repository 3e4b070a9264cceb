import 'server-only';
// next-auth: credentials sign-in; the JWT carries the user id, the session version and the token of a
// server-side session (lib/auth/sessions.ts) that every request checks and sign-out deletes.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientAddressOf } from './client-address';
import { verifyCredentials } from './credentials';
import { authSecret } from './secret';
import { endSession, sessionIdOf, sessionLifetimes, startSession } from './sessions';

/** Carries why a sign-in failed ('invalid' or 'throttled') to the login action. */
export class LoginError extends CredentialsSignin {
  constructor(code: 'invalid' | 'throttled') {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  // The cookie lives no longer than the session's absolute lifetime; the server-side row decides.
  session: { strategy: 'jwt', maxAge: Math.floor(sessionLifetimes().absoluteMs / 1000) },
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
        const verdict = await verifyCredentials(getDb(), email, password, clientAddressOf(request.headers));
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
        token.sid = startSession(getDb(), token.uid);
      }
      return token;
    },
    session({ session, token }) {
      // Only the user id, the session version and the session's row id (not its token) leave the
      // token; everything else is re-read per request.
      return {
        ...session,
        uid: token.uid,
        sv: token.sv,
        sid: typeof token.sid === 'string' ? sessionIdOf(token.sid) : undefined,
      } as typeof session;
    },
  },
  events: {
    // Sign-out ends the session on the server: the cookie, even if copied before, opens nothing any more.
    signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (typeof token?.sid === 'string') endSession(getDb(), sessionIdOf(token.sid));
    },
  },
});
