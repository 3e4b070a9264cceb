// A valid request to every route handler of the build (each exported method; the next-auth catch-all
// by its representative paths), keyed like the expectation file.
import crypto from 'node:crypto';
import { DEMO_PASSWORD, e2eDb } from '../support';
import type { Answer } from './action-client';
import type { Caller } from './callers';

export type RouteProbe = {
  /** `GET /crm/export`: the key of the expectation file. */
  key: string;
  /** The build's route and method this probe covers. */
  route: string;
  method: string;
  send: (baseURL: string, caller: Caller, loginEmail: string) => Promise<Answer>;
};

function cookieHeader(...cookies: (string | null)[]): Record<string, string> {
  const present = cookies.filter((cookie): cookie is string => cookie !== null);
  return present.length > 0 ? { Cookie: present.join('; ') } : {};
}

/** A GET as the caller; the outcome is left empty (the status says it all) unless `outcome` reads the answer. */
function get(url: string, outcome?: (response: Response, caller: Caller) => Promise<string>) {
  return async (baseURL: string, caller: Caller): Promise<Answer> => {
    const response = await fetch(new URL(url, baseURL), { headers: cookieHeader(caller.cookie), redirect: 'manual' });
    const read = outcome ? await outcome(response, caller) : (await response.arrayBuffer(), '');
    return { status: response.status, outcome: read };
  };
}

/** Whose session next-auth reports: the caller's own, or none. */
async function sessionOwner(response: Response, caller: Caller): Promise<string> {
  const session = (await response.json()) as { uid?: number } | null;
  if (session === null) return 'none';
  return session.uid === caller.user?.id ? 'session' : 'foreignSession';
}

/** next-auth's credentials sign-in by form post, with the CSRF token and cookie it hands out first. */
async function credentialsSignIn(baseURL: string, caller: Caller, loginEmail: string): Promise<Answer> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseURL), { headers: cookieHeader(caller.cookie) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie =
    csrf.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .find((cookie) => cookie.includes('csrf-token')) ?? null;
  const response = await fetch(new URL('/api/auth/callback/credentials', baseURL), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...cookieHeader(caller.cookie, csrfCookie) },
    body: new URLSearchParams({ csrfToken, email: loginEmail, password: DEMO_PASSWORD, callbackUrl: '/' }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const location = new URL(response.headers.get('location') ?? '', baseURL);
  const error = location.searchParams.get('error');
  return { status: response.status, outcome: `redirect:${location.pathname}${error ? `?error=${error}` : ''}` };
}

/**
 * A new calendar feed of the caller's own (SPEC section 17), its earlier ones revoked, for the feed's
 * probe: mint one for every caller before probing (the feed's address carries no session).
 */
const feedTokens = new Map<number, string>();
export function mintFeedToken(db: ReturnType<typeof e2eDb>, caller: Caller): void {
  if (!caller.user) return;
  const token = crypto.randomBytes(32).toString('base64url');
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  db.prepare('update calendar_feeds set revoked_at = ? where user_id = ? and revoked_at is null').run(Date.now(), caller.user.id);
  db.prepare('insert into calendar_feeds (user_id, token_hash) values (?, ?)').run(caller.user.id, hash);
  feedTokens.set(caller.user.id, token);
}

/** The calendar feed with the caller's own token: only an active crm user's answers (no cookie is sent). */
async function calendarFeed(baseURL: string, caller: Caller): Promise<Answer> {
  const token = caller.user ? (feedTokens.get(caller.user.id) ?? '') : '';
  const response = await fetch(new URL(`/api/v1/crm/followups.ics?token=${token}`, baseURL), { redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, outcome: body.startsWith('BEGIN:VCALENDAR') ? 'calendar' : '' };
}

export const ROUTE_PROBES: RouteProbe[] = [
  { key: 'GET /api/health', route: '/api/health', method: 'GET', send: get('/api/health') },
  { key: 'GET /api/auth/session', route: '/api/auth/[...nextauth]', method: 'GET', send: get('/api/auth/session', sessionOwner) },
  { key: 'GET /api/auth/csrf', route: '/api/auth/[...nextauth]', method: 'GET', send: get('/api/auth/csrf') },
  { key: 'POST /api/auth/callback/credentials', route: '/api/auth/[...nextauth]', method: 'POST', send: credentialsSignIn },
  {
    key: 'GET /api/v1/crm/summary',
    route: '/api/v1/crm/summary',
    method: 'GET',
    send: get('/api/v1/crm/summary?groupBy=crmStatus,product'),
  },
  { key: 'GET /crm/export', route: '/crm/export', method: 'GET', send: get('/crm/export?groupBy=crmStatus') },
  {
    key: 'GET /api/v1/crm/forecast',
    route: '/api/v1/crm/forecast',
    method: 'GET',
    send: get('/api/v1/crm/forecast?row=product&months=6'),
  },
  {
    key: 'GET /crm/forecast/export',
    route: '/crm/forecast/export',
    method: 'GET',
    send: get('/crm/forecast/export?row=assignee&dialect=rfc4180'),
  },
  { key: 'GET /api/v1/crm/followups.ics', route: '/api/v1/crm/followups.ics', method: 'GET', send: calendarFeed },
  // CRM columns asked for: a signed-in user without `crm` is refused (SPEC section 10).
  {
    key: 'GET /data-manager/export/[entity]',
    route: '/data-manager/export/[entity]',
    method: 'GET',
    send: get('/data-manager/export/partners?columns=gpid,name,employeeCount,companySize'),
  },
];
