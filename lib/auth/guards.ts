import 'server-only';
// The access checks every page, server action and route handler calls itself.
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect, forbidden } from 'next/navigation';
import { getDb } from '@/db/client';
import type { Role } from '@/db/schema';
import { findSessionUser, type SessionUser } from '@/lib/users/queries';
import { hasRole } from './access';
import { clientAddressOf } from './client-address';
import { auth } from './index';
import { resumeSession } from './sessions';

export type { SessionUser };

export { hasRole };

/** next-auth's reading of the session cookie, once per request. */
const cookieSession = cache(() => auth());

/**
 * The signed-in, active user of this request (two primary-key reads, once per request), or null:
 * the server-side session must be live (not signed out, expired or idle too long) and the user's
 * session version unchanged (not deactivated, no new roles or password set by an administrator).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await cookieSession();
  if (typeof session?.uid !== 'number' || typeof session.sv !== 'number' || typeof session.sid !== 'string') return null;
  const db = getDb();
  const live = resumeSession(db, session.sid);
  if (live?.userId !== session.uid) return null;
  return findSessionUser(db, session.uid, session.sv);
});

/** The address this request comes from (lib/auth/client-address.ts), for the login throttle. */
export async function currentClientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

/** The row id of this request's server-side session (kept when the user ends their other sessions). */
export async function currentSessionId(): Promise<string | null> {
  return (await getCurrentUser()) ? ((await cookieSession())?.sid ?? null) : null;
}

/** Pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** Pages: a user with the role, or the 403 "keine Berechtigung" page. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) forbidden();
  return user;
}

/** Route handlers: the user, or the 401/403 response to return instead. */
export async function guardRequest(role?: Role): Promise<{ user: SessionUser; response?: never } | { user?: never; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: 'Nicht angemeldet' }, { status: 401, headers: { 'Cache-Control': 'no-store' } }) };
  if (role && !hasRole(user, role)) {
    return { response: Response.json({ error: 'Keine Berechtigung' }, { status: 403, headers: { 'Cache-Control': 'no-store' } }) };
  }
  return { user };
}
