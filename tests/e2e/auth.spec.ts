// Sign-in, navigation by role, 403 pages, throttling, session invalidation, JavaScript off.
import { expect, test } from '@playwright/test';
import config from '../../playwright.config';
import { credentialsSignIn, sessionCookieOf } from './credentials';
import { LoginPage } from './pages/login-page';
import { createTestUser, signedInContext } from './sessions';
import { DEMO, DEMO_PASSWORD, e2eDb, signIn, unique } from './support';

const baseURL = config.use!.baseURL!;

/** The demo users' password hash, so a test user signs in with the demo password. */
function demoPasswordHash(): string {
  const db = e2eDb();
  const hash = db.prepare('select password_hash from users where email = ?').pluck().get(DEMO.agent) as string;
  db.close();
  return hash;
}

const ALL_SECTIONS = [
  'Ticketboard',
  'Tickets',
  'Geschäftspartner',
  'Kontakte',
  'CRM',
  'Wiedervorlagen',
  'Daten Manager',
  'CRM-Administration',
  'Benutzerverwaltung',
];

const expectedNavigation: Record<string, string[]> = {
  [DEMO.admin]: ALL_SECTIONS,
  [DEMO.crm]: ['Ticketboard', 'Tickets', 'Geschäftspartner', 'Kontakte', 'CRM', 'Wiedervorlagen', 'Daten Manager'],
  [DEMO.agent]: ['Ticketboard', 'Tickets', 'Geschäftspartner', 'Kontakte', 'Daten Manager'],
};

for (const [email, sections] of Object.entries(expectedNavigation)) {
  test(`${email} signs in and sees exactly the navigation of their roles`, async ({ page }) => {
    await signIn(page, email);
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(navigation.getByRole('link')).toHaveText(sections);
    await expect(page).toHaveURL(sections.includes('CRM') ? /\/crm$/ : /\/ticketboard$/);
  });
}

test('a user without the role gets the 403 page at /crm and /admin/users', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const path of ['/crm', '/admin/users', '/admin/crm']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  }
});

test('anonymous visitors are sent to the login page and return after signing in', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers/);
  await new LoginPage(page).submit(DEMO.admin, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin\/users$/);
});

test('a wrong password gets the one generic message and keeps the e-mail', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submit(DEMO.crm, 'wrong-password');
  await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
  await expect(page.getByLabel('E-Mail')).toHaveValue(DEMO.crm);
  // An unknown account answers exactly the same.
  await login.submit('nobody@example.com', 'wrong-password');
  await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
});

test('repeated failures are slowed down and then refused, even with the right password', async ({ page }) => {
  test.setTimeout(90_000);
  // A throwaway account, so the lock does not hinder other tests.
  const email = `${unique('throttle')}@example.com`;
  const login = new LoginPage(page);
  await login.goto();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await login.submit(email, `wrong-${attempt}`);
    await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
  }
  await login.submit(email, 'any-password');
  await expect(login.error()).toHaveText(/Zu viele fehlgeschlagene Anmeldungen/);
  const db = e2eDb();
  const failures = db.prepare('select count(*) as n from login_attempts where key = ? and succeeded = 0').get(`email:${email}`) as {
    n: number;
  };
  db.close();
  expect(failures.n).toBe(10);
});

test('sign-in works with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.submit(DEMO.agent, 'wrong-password');
  await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
  await login.submit(DEMO.agent, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/ticketboard$/);
  await expect(page.getByRole('heading', { name: 'Ticketboard' })).toBeVisible();
  await context.close();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.getByLabel(/^(Benutzermenü|User menu): Agnes Service$/).click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/ticketboard');
  await expect(page).toHaveURL(/\/login/);
});

test('signing out ends the session on the server: a cookie copied before is refused afterwards', async ({ page, context, request }) => {
  await signIn(page, DEMO.agent);
  const copied = (await context.cookies()).find((cookie) => cookie.name === 'authjs.session-token');
  expect(copied, 'the session cookie').toBeDefined();
  const replay = async (path: string) => request.get(path, { headers: { Cookie: `${copied!.name}=${copied!.value}` }, maxRedirects: 0 });
  expect((await replay('/ticketboard')).status()).toBe(200);

  await page.getByLabel(/^(Benutzermenü|User menu): Agnes Service$/).click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login/);

  const afterwards = await replay('/ticketboard');
  expect(afterwards.status()).toBe(307);
  expect(afterwards.headers().location).toMatch(/\/login/);
  expect(await (await replay('/api/auth/session')).json()).toBeNull();
});

test('a session ends at its absolute end and after idling, however often /api/auth/session renewed the cookie', async () => {
  const user = createTestUser('Lebensdauer', [], demoPasswordHash());
  const opened = async () => {
    const cookie = sessionCookieOf(await credentialsSignIn(baseURL, user.email, DEMO_PASSWORD));
    expect(cookie, 'a session cookie').toBeDefined();
    return cookie!;
  };
  const status = async (cookie: string) =>
    (await fetch(new URL('/ticketboard', baseURL), { headers: { Cookie: cookie }, redirect: 'manual' })).status;
  const age = (column: 'expires_at' | 'last_seen_at', value: number) => {
    const db = e2eDb();
    db.prepare(`update sessions set ${column} = ? where user_id = ?`).run(value, user.id);
    db.close();
  };

  const stolen = await opened();
  for (let renewal = 0; renewal < 3; renewal += 1) {
    const answer = await fetch(new URL('/api/auth/session', baseURL), { headers: { Cookie: stolen } });
    expect(((await answer.json()) as { uid?: number }).uid).toBe(user.id);
  }
  expect(await status(stolen)).toBe(200);
  age('expires_at', Date.now() - 1000);
  expect(await status(stolen)).toBe(307);
  expect(await (await fetch(new URL('/api/auth/session', baseURL), { headers: { Cookie: stolen } })).json()).toBeNull();

  const idle = await opened();
  expect(await status(idle)).toBe(200);
  age('last_seen_at', Date.now() - 2 * 60 * 60 * 1000 - 1000);
  expect(await status(idle)).toBe(307);
});

test('an attacker forging X-Forwarded-For is throttled as one address and cannot lock the owner out from another', async () => {
  test.setTimeout(90_000);
  const owner = createTestUser('XFF Owner', [], demoPasswordHash());
  // Ten wrong passwords, each claiming another client address: all count for the socket's address.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const answer = await credentialsSignIn(baseURL, owner.email, `wrong-${attempt}`, {
      headers: { 'X-Forwarded-For': `10.66.${attempt}.1` },
    });
    expect(answer.location, `attempt ${attempt + 1}`).toContain('code=invalid');
  }
  const refused = await credentialsSignIn(baseURL, owner.email, DEMO_PASSWORD, {
    headers: { 'X-Forwarded-For': '10.66.99.1', 'X-Real-IP': '10.66.99.2' },
  });
  expect(refused.location).toContain('code=throttled');
  expect(sessionCookieOf(refused)).toBeUndefined();

  // The owner, from another address, signs in with the right password.
  const ownerAnswer = await credentialsSignIn(baseURL, owner.email, DEMO_PASSWORD, { localAddress: '127.0.0.2' });
  expect(ownerAnswer.location).not.toContain('error');
  const cookie = sessionCookieOf(ownerAnswer);
  expect(cookie, 'the owner got a session').toBeDefined();
  expect((await fetch(new URL('/ticketboard', baseURL), { headers: { Cookie: cookie! }, redirect: 'manual' })).status).toBe(200);

  const db = e2eDb();
  const keys = db.prepare('select distinct key from login_attempts where key like ? and succeeded = 0').pluck().all(`%${owner.email}%`);
  db.close();
  expect(keys.sort()).toEqual([`email:${owner.email}`, `pair:${owner.email}|127.0.0.1`]);
});

test('a CRM Admin stored without the CRM role gets the CRM administration, not an error', async ({ browser }) => {
  // As data written before the rule was: the administration now always stores crm with crm_admin.
  const user = createTestUser('Nur CRM Admin', ['crm_admin']);
  const context = await signedInContext(browser, baseURL, user.email);
  const page = await context.newPage();
  const response = await page.goto('/admin/crm');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CRM-Administration');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'CRM', exact: true })).toBeVisible();
  await context.close();
});

test('forwarding headers of a client are not believed without a trusted proxy: no HSTS, no Secure cookie', async () => {
  const forged = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' };
  const login = await fetch(new URL('/login', baseURL), { headers: forged });
  expect(login.status).toBe(200);
  expect(login.headers.get('strict-transport-security')).toBeNull();
  const answer = await credentialsSignIn(baseURL, DEMO.crm, DEMO_PASSWORD, { headers: forged });
  expect(answer.location).not.toContain('error');
  expect(sessionCookieOf(answer)).toMatch(/^authjs\.session-token=/);
  expect(answer.cookies.join('\n')).not.toMatch(/;\s*Secure/i);
});

test('every response carries the security headers', async ({ request }) => {
  for (const path of ['/login', '/api/health']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  }
  expect(await (await request.get('/api/health')).json()).toEqual({ status: 'ok' });
});
