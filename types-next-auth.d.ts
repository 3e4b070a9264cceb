// The claims this application keeps in its JWT and session.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    uid?: number;
    sv?: number;
    /** The server-side session's row id (SHA-256 of the token), never the token itself. */
    sid?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    sv?: number;
    /** The server-side session's random token (lib/auth/sessions.ts). */
    sid?: string;
  }
}
