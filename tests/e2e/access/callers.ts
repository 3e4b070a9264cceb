// The six callers of the access matrix, as SPEC section 1 defines them, created fresh in the e2e
// database with minted session cookies (see ../sessions.ts).
import type { Role } from '@/db/schema';
import { createTestUser, SESSION_COOKIE, sessionToken } from '../sessions';
import { DEMO, e2eDb } from '../support';

type Db = ReturnType<typeof e2eDb>;

export const CALLER_NAMES = ['anonymous', 'agent', 'crm', 'crm_admin', 'admin', 'deactivated'] as const;
export type CallerName = (typeof CALLER_NAMES)[number];

export type TestUser = { id: number; email: string };

export type Caller = {
  name: CallerName;
  /** Null for the anonymous caller. */
  user: TestUser | null;
  /** The `Cookie` header value, or null. */
  cookie: string | null;
};

/** What each signed-in caller holds. A CRM Admin is a CRM user too ("in addition to crm", SPEC section 1). */
const ROLES: Record<Exclude<CallerName, 'anonymous'>, Role[]> = {
  agent: [],
  crm: ['crm'],
  crm_admin: ['crm', 'crm_admin'],
  admin: ['admin'],
  // Every role: a stale cookie must unlock nothing, however much its user once held.
  deactivated: ['admin', 'crm_admin', 'crm'],
};

/**
 * A new active user with the four default queries. The password hash is the demo agent's, so the
 * user signs in with the demo password where a test needs a real sign-in.
 */
export function createUser(db: Db, label: string, roles: Role[]): TestUser {
  const hash = db.prepare('select password_hash from users where email = ?').pluck().get(DEMO.agent) as string;
  const { id, email } = createTestUser(label, roles, hash);
  return { id, email };
}

/** The `Cookie` header of a session of the user's current session version. */
export async function sessionCookie(user: TestUser): Promise<string> {
  return `${SESSION_COOKIE}=${await sessionToken(user.email)}`;
}

/** The callers, all active: the caller of the `deactivated` row is deactivated by `deactivate`. */
export async function createCallers(db: Db): Promise<Record<CallerName, Caller>> {
  const callers = { anonymous: { name: 'anonymous', user: null, cookie: null } } as Record<CallerName, Caller>;
  for (const [name, roles] of Object.entries(ROLES) as [Exclude<CallerName, 'anonymous'>, Role[]][]) {
    const user = createUser(db, `matrix-${name}`, roles);
    callers[name] = { name, user, cookie: await sessionCookie(user) };
  }
  return callers;
}

/** Deactivates a user behind the server's back: the session version stays, so only the active flag can refuse the cookie. */
export function deactivate(db: Db, user: TestUser): void {
  db.prepare('update users set active = 0 where id = ?').run(user.id);
}
