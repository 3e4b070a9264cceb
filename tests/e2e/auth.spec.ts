// Sign-in, navigation by role, 403 pages, throttling, session invalidation, JavaScript off.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { DEMO, DEMO_PASSWORD, e2eDb, signIn, unique } from './support';

const ALL_SECTIONS = ['Ticketboard', 'Tickets', 'Geschäftspartner', 'Kontakte', 'CRM', 'Daten Manager', 'CRM-Administration', 'Benutzerverwaltung'];

const expectedNavigation: Record<string, string[]> = {
  [DEMO.admin]: ALL_SECTIONS,
  [DEMO.crm]: ['Ticketboard', 'Tickets', 'Geschäftspartner', 'Kontakte', 'CRM', 'Daten Manager'],
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
  const failures = db.prepare("select count(*) as n from login_attempts where key = ? and succeeded = 0").get(`email:${email}`) as { n: number };
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
