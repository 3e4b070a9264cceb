// The six callers of the access matrix, as SPEC section 1 defines them, created fresh in the e2e
// database. Their session cookies are minted like next-auth's own with the e2e server's secret (an
// argon2 sign-in each would cost seconds and count against the login throttle); the server re-reads
// the user on every request, so a minted cookie is refused exactly like a real one once it is stale.
import { encode } from 'next-auth/jwt';
import type { Role } from '@/db/schema';
import { DEFAULT_QUERIES } from '@/lib/ticketboard/defaults';
import config from '../../../playwright.config';
import { DEMO, e2eDb, unique } from '../support';

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

function serverSecret(): string {
  const server = config.webServer;
  const secret = server && !Array.isArray(server) ? server.env?.AUTH_SECRET : undefined;
  if (!secret) throw new Error('playwright.config.ts gives the e2e server no AUTH_SECRET');
  return secret;
}

/**
 * A new active user with the four default queries. The password hash is the demo agent's, so the
 * user signs in with the demo password where a test needs a real sign-in.
 */
export function createUser(db: Db, label: string, roles: Role[]): TestUser {
  const email = `${unique(label.replace(/\W+/g, '-'))}@example.com`;
  return db.transaction(() => {
    const hash = db.prepare('select password_hash from users where email = ?').pluck().get(DEMO.agent) as string;
    const id = Number(db.prepare('insert into users (email, name, password_hash, roles) values (?, ?, ?, ?)').run(email, email, hash, JSON.stringify(roles)).lastInsertRowid);
    const query = db.prepare('insert into queries (owner_id, name, params, position) values (?, ?, ?, ?)');
    DEFAULT_QUERIES.forEach((entry, position) => query.run(id, entry.name, entry.params, position));
    return { id, email };
  })();
}

/** A session cookie for the user's current session version, signed like next-auth's own. */
export async function sessionCookie(db: Db, user: TestUser): Promise<string> {
  const sv = db.prepare('select session_version from users where id = ?').pluck().get(user.id) as number;
  const token = await encode({ secret: serverSecret(), salt: 'authjs.session-token', token: { uid: user.id, sv, sub: String(user.id) } });
  return `authjs.session-token=${token}`;
}

/** The callers, all active: the caller of the `deactivated` row is deactivated by `deactivate`. */
export async function createCallers(db: Db): Promise<Record<CallerName, Caller>> {
  const callers = { anonymous: { name: 'anonymous', user: null, cookie: null } } as Record<CallerName, Caller>;
  for (const [name, roles] of Object.entries(ROLES) as [Exclude<CallerName, 'anonymous'>, Role[]][]) {
    const user = createUser(db, `matrix-${name}`, roles);
    callers[name] = { name, user, cookie: await sessionCookie(db, user) };
  }
  return callers;
}

/** Deactivates a user behind the server's back: the session version stays, so only the active flag can refuse the cookie. */
export function deactivate(db: Db, user: TestUser): void {
  db.prepare('update users set active = 0 where id = ?').run(user.id);
}
