// Stand-in for `@/lib/auth/guards` in integration tests: the real guards pull in next-auth, which
// needs the Next.js runtime. A test sets `session.user`; actions and route handlers then see that
// user exactly as they would see a signed-in one. Use with
//   vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { hasRole } from '@/lib/auth/access';

export type { SessionUser };
export { hasRole };

/** The signed-in user of the current test (null: anonymous), and the row id of their session. */
export const session: { user: SessionUser | null; sessionId?: string | null } = { user: null };

/** Every fake request comes from this address. */
export const FAKE_REQUEST_ADDRESS = '203.0.113.8';

export async function currentClientAddress(): Promise<string> {
  return FAKE_REQUEST_ADDRESS;
}

export async function currentSessionId(): Promise<string | null> {
  return session.user ? (session.sessionId ?? null) : null;
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return session.user;
}

/** Like the real guard: 401 without a user, 403 without the role. */
export async function guardRequest(role?: Role): Promise<{ user: SessionUser; response?: never } | { user?: never; response: Response }> {
  if (!session.user) return { response: Response.json({ error: 'Nicht angemeldet' }, { status: 401 }) };
  if (role && !hasRole(session.user, role)) return { response: Response.json({ error: 'Keine Berechtigung' }, { status: 403 }) };
  return { user: session.user };
}
