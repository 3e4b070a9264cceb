import 'server-only';
// The access checks every page, server action and route handler calls itself.
import { cache } from 'react';
import { redirect, forbidden } from 'next/navigation';
import { getDb } from '@/db/client';
import type { Role } from '@/db/schema';
import { findSessionUser, type SessionUser } from '@/lib/users/queries';
import { hasRole } from './access';
import { auth } from './index';

export type { SessionUser };

export { hasRole };

/** The signed-in, active user of this request (one primary-key read, once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (typeof session?.uid !== 'number' || typeof session.sv !== 'number') return null;
  return findSessionUser(getDb(), session.uid, session.sv);
});

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
