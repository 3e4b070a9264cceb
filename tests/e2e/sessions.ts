// Signed-in browsers without the login form: users with exactly the roles a spec needs, written to the
// e2e database, and session cookies minted like next-auth's own with the e2e server's secret (an argon2
// sign-in per role would cost seconds and count against the login throttle). The server re-reads the
// user and the server-side session row on every request, so a minted session is refused exactly like
// a real one once it is stale or ended.
import crypto from 'node:crypto';
import type { Browser, BrowserContext } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import type { Role } from '@/db/schema';
import { DEFAULT_QUERIES } from '@/lib/ticketboard/defaults';
import config from '../../playwright.config';
import { withDb } from './pages/crm-pages';
import { unique } from './support';

export type TestUser = { id: number; email: string; name: string };

function serverSecret(): string {
  const server = config.webServer;
  const secret = server && !Array.isArray(server) ? server.env?.AUTH_SECRET : undefined;
  if (!secret) throw new Error('playwright.config.ts gives the e2e server no AUTH_SECRET');
  return secret;
}

/**
 * A new active user with these roles and the four default queries. Without a password hash the user
 * cannot sign in with the form (sessions are minted); pass one (say a demo user's) where a test must.
 */
export function createTestUser(name: string, roles: Role[], passwordHash = '!'): TestUser {
  const email = `${unique(name.toLowerCase().replace(/\W+/g, '-'))}@example.com`;
  return withDb((db) =>
    db.transaction(() => {
      const id = Number(
        db
          .prepare('insert into users (email, name, password_hash, roles) values (?, ?, ?, ?)')
          .run(email, name, passwordHash, JSON.stringify(roles)).lastInsertRowid,
      );
      const query = db.prepare('insert into queries (owner_id, name, params, position) values (?, ?, ?, ?)');
      DEFAULT_QUERIES.forEach((entry, position) => query.run(id, entry.name, entry.params, position));
      return { id, email, name };
    })(),
  );
}

/** The user with this e-mail address (a demo user, say). */
export function findUser(email: string): TestUser {
  const user = withDb((db) => db.prepare('select id, email, name from users where email = ?').get(email) as TestUser | undefined);
  if (!user) throw new Error(`no user ${email} in the e2e database`);
  return user;
}

export const SESSION_COOKIE = 'authjs.session-token';

/**
 * The value of a session cookie for a new server-side session (12 hours) of the user's current session
 * version, signed like next-auth's own.
 */
export async function sessionToken(email: string): Promise<string> {
  const sid = crypto.randomBytes(32).toString('base64url');
  const user = withDb((db) => {
    const row = db.prepare('select id, session_version as sv from users where email = ?').get(email) as
      { id: number; sv: number } | undefined;
    if (row) {
      const id = crypto.createHash('sha256').update(sid).digest('hex');
      db.prepare('insert into sessions (id, user_id, expires_at) values (?, ?, ?)').run(id, row.id, Date.now() + 12 * 60 * 60 * 1000);
    }
    return row;
  });
  if (!user) throw new Error(`no user ${email} in the e2e database`);
  return encode({ secret: serverSecret(), salt: SESSION_COOKIE, token: { uid: user.id, sv: user.sv, sid, sub: String(user.id) } });
}

/** A browser context signed in as the user, through a minted session cookie. */
export async function signedInContext(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const token = await sessionToken(email);
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}
