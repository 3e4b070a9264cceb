// User administration as an administrator uses it, and what it does to the user's sessions.
import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { LoginPage } from './pages/login-page';
import { createTestUser, signedInContext } from './sessions';
import { DEMO, DEMO_PASSWORD, e2eDb, signIn, unique } from './support';

async function createUser(page: Page, name: string, email: string, password: string) {
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Benutzer anlegen' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-Mail').fill(email);
  await form.getByLabel('Passwort').fill(password);
  await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(form.getByRole('status')).toHaveText('Der Benutzer wurde angelegt.');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
}

test("an administrator creates a user, grants a role, and deactivation ends that user's session at once", async ({ page, browser }) => {
  // Four sign-ins (argon2 each) and two browsers: give it room on a busy 2-core machine.
  test.setTimeout(60_000);
  const name = unique('Erika Muster');
  const email = `${unique('erika')}@example.com`;
  await signIn(page, DEMO.admin);
  await createUser(page, name, email, 'geheim-1234');

  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, email, 'geheim-1234');
  await expect(userPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'CRM' })).toHaveCount(0);

  await page.getByRole('link', { name }).click();
  // The list's own "Benutzer anlegen" form has the same role boxes: tick the box only once the user's page is shown.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Benutzer bearbeiten: ${name}`);
  await page.getByRole('checkbox', { name: 'CRM Benutzer' }).check();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText('Gespeichert.');
  await expect(page.getByRole('checkbox', { name: 'CRM Benutzer' })).toBeChecked();

  // A change of roles ends the session; signing in again shows the new navigation.
  await userPage.goto('/ticketboard');
  await expect(userPage).toHaveURL(/\/login/);
  await signIn(userPage, email, 'geheim-1234');
  await expect(userPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'CRM' })).toBeVisible();

  await page.getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(page.getByRole('button', { name: 'Reaktivieren' })).toBeVisible();

  await userPage.goto('/ticketboard');
  await expect(userPage).toHaveURL(/\/login/);
  const login = new LoginPage(userPage);
  await login.submit(email, 'geheim-1234');
  await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
  await userContext.close();
});

test('the users form explains bad input and keeps what was typed', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Benutzer anlegen' });
  await form.getByLabel('Name').fill('Kurt Kurz');
  await form.getByLabel('E-Mail').fill('kein-email');
  await form.getByLabel('Passwort').fill('kurz');
  await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(form.getByText('Bitte eine gültige E-Mail-Adresse eingeben.')).toBeVisible();
  await expect(form.getByText('Das Passwort muss mindestens 10 Zeichen haben.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('Kurt Kurz');
  await expect(form.getByLabel('E-Mail')).toHaveValue('kein-email');
  await expect(page.getByRole('row', { name: /Kurt Kurz/ })).toHaveCount(0);
});

test('the last active administrator cannot be deactivated', async ({ page }) => {
  // Other specs create administrators of their own: make the demo admin the only active one.
  const db = e2eDb();
  db.prepare(
    `update users set active = 0, session_version = session_version + 1 where email <> ? and active = 1 and exists (select 1 from json_each(users.roles) where value = 'admin')`,
  ).run(DEMO.admin);
  db.close();
  await signIn(page, DEMO.admin);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Anna Admin' }).click();
  await page.getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'letzte aktive Administrator' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deaktivieren' })).toBeVisible();
});

test('user administration works with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.admin);
  const email = `${unique('nojs')}@example.com`;
  await createUser(page, unique('Ohne Skript'), email, 'geheim-5678');
  await context.close();
});

test('a user switches the interface to English and back', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.getByLabel(/^(Benutzermenü|User menu): Agnes Service$/).click();
  await page.getByLabel('Sprache').selectOption('en');
  await page.getByRole('button', { name: 'Speichern' }).click();
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation.getByRole('link', { name: 'Business partners' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel(/^(Benutzermenü|User menu): Agnes Service$/).click();
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});

test('the administration refuses common passwords and stores a CRM Admin as a CRM user too', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Benutzer anlegen' });
  const name = unique('Clara Admin');
  const email = `${unique('clara')}@example.com`;
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-Mail').fill(email);
  await form.getByLabel('Passwort').fill('1234567890');
  await form.getByRole('checkbox', { name: 'CRM Admin' }).check();
  await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(form.getByText('Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(0);

  await form.getByLabel('Passwort').fill('Clara-im-Vertrieb-7');
  await form.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(form.getByRole('status')).toHaveText('Der Benutzer wurde angelegt.');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('CRM Benutzer');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('checkbox', { name: 'CRM Benutzer' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'CRM Admin' })).toBeChecked();
});

test('a user changes their own password without JavaScript: other sessions end, this one stays', async ({ browser }) => {
  // Several argon2 sign-ins and checks, two browsers: room on a busy 2-core machine.
  test.setTimeout(90_000);
  const hash = withDemoHash();
  const user = createTestUser('Paula Passwort', [], hash);
  const newPassword = 'Montag-Kaffee-7-Tassen';
  const elsewhere = await signedInContext(browser, config.use!.baseURL!, user.email);
  const otherPage = await elsewhere.newPage();
  await otherPage.goto('/ticketboard');
  await expect(otherPage.getByRole('heading', { name: 'Ticketboard' })).toBeVisible();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, user.email, DEMO_PASSWORD);
  await page.getByLabel('Benutzermenü: Paula Passwort').click();
  await page.getByRole('link', { name: 'Passwort ändern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passwort ändern');
  const form = page.getByRole('region', { name: 'Passwort ändern' });
  const submit = async (current: string, next: string, repeat = next) => {
    await form.getByLabel('Aktuelles Passwort').fill(current);
    await form.getByLabel('Neues Passwort', { exact: true }).fill(next);
    await form.getByLabel('Neues Passwort wiederholen').fill(repeat);
    await form.getByRole('button', { name: 'Passwort ändern' }).click();
  };

  await submit('falsch-geraten-1', newPassword);
  await expect(form.getByRole('alert')).toHaveText('Das aktuelle Passwort ist falsch.');
  await expect(form.getByLabel('Aktuelles Passwort')).toHaveAccessibleDescription('Das aktuelle Passwort ist falsch.');
  await submit(DEMO_PASSWORD, 'password123');
  await expect(form.getByLabel('Neues Passwort', { exact: true })).toHaveAccessibleDescription(/zu verbreitet/);
  await submit(DEMO_PASSWORD, newPassword, `${newPassword}!`);
  await expect(form.getByLabel('Neues Passwort wiederholen')).toHaveAccessibleDescription(
    'Die beiden neuen Passwörter stimmen nicht überein.',
  );
  // Nothing was changed so far: the other session still works.
  await otherPage.goto('/ticketboard');
  await expect(otherPage.getByRole('heading', { name: 'Ticketboard' })).toBeVisible();

  await submit(DEMO_PASSWORD, newPassword);
  await expect(form.getByRole('status')).toHaveText('Das Passwort wurde geändert. Ihre anderen Sitzungen wurden beendet.');
  await expect(form.getByLabel('Aktuelles Passwort')).toHaveValue('');

  // This session goes on; the other one is over.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Ticketboard' }).click();
  await expect(page.getByRole('heading', { name: 'Ticketboard' })).toBeVisible();
  await otherPage.goto('/ticketboard');
  await expect(otherPage).toHaveURL(/\/login/);

  // The old password no longer signs in, the new one does.
  const login = new LoginPage(otherPage);
  await login.submit(user.email, DEMO_PASSWORD);
  await expect(login.error()).toHaveText('E-Mail oder Passwort ist falsch.');
  await login.submit(user.email, newPassword);
  await expect(otherPage).toHaveURL(/\/ticketboard$/);
  await elsewhere.close();
  await context.close();
});

/** The demo users' password hash, so a test user signs in with the demo password. */
function withDemoHash(): string {
  const db = e2eDb();
  const hash = db.prepare('select password_hash from users where email = ?').pluck().get(DEMO.agent) as string;
  db.close();
  return hash;
}
