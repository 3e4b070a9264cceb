// The personal calendar feed in the browser (SPEC section 17), with and without JavaScript: a crm user
// finds "Kalender-Abo" in the user menu, creates the address (shown once), a calendar program fetches
// it and gets the user's follow-ups, a new address ends the old one, revoking ends the feed. A plain
// user has no menu entry, gets 403 on the page, and the actions refuse a user who lost crm.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { withDb } from './pages/crm-pages';
import { createTestUser, sessionToken, SESSION_COOKIE, type TestUser } from './sessions';
import { DEMO, signIn, unique } from './support';

const ADDRESS = /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/crm\/followups\.ics\?token=[A-Za-z0-9_-]{43}$/;

/** Today in Berlin, `YYYY-MM-DD`, shifted by `days`. */
function berlinDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A crm user of their own with three follow-ups (one with a time) and one CRM ticket without. */
function createRep(): { user: TestUser; titles: string[] } {
  const user = createTestUser(unique('Rita Abo'), ['crm']);
  const titles = [unique('Abo Rahmenvertrag, Süd'), unique('Abo Lizenzen; Nord'), unique('Abo Schulung')];
  withDb((db) => {
    const insert = db.prepare(
      'insert into tickets (number, title, crm_enabled, assignee_id, next_action_at, next_action_text) values (?, ?, 1, ?, ?, ?)',
    );
    insert.run(unique('K1').slice(0, 30), titles[0], user.id, berlinDay(-1), 'Nachfassen, dringend');
    insert.run(unique('K2').slice(0, 30), titles[1], user.id, `${berlinDay(0)}T15:30`, 'Rückruf');
    insert.run(unique('K3').slice(0, 30), titles[2], user.id, berlinDay(5), '');
    insert.run(unique('K4').slice(0, 30), unique('Abo ohne Aktion'), user.id, null, '');
  });
  return { user, titles };
}

async function signInAs(page: Page, baseURL: string, email: string): Promise<void> {
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: await sessionToken(email), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

const activeFeeds = (userId: number) =>
  withDb((db) => db.prepare('select count(*) from calendar_feeds where user_id = ? and revoked_at is null').pluck().get(userId) as number);

async function createAddress(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Kalender-Adresse wurde erstellt.' })).toBeVisible();
  const field = page.getByLabel('Ihre Kalender-Adresse');
  await expect(field).toHaveValue(ADDRESS);
  await expect(page.getByText('Outlook: Kalender hinzufügen → Aus dem Internet, Adresse einfügen.')).toBeVisible();
  return field.inputValue();
}

async function summariesAt(request: APIRequestContext, address: string): Promise<string[]> {
  const answer = await request.get(address);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
  return calendar
    .getAllSubcomponents('vevent')
    .map((component) => String(new ICAL.Event(component).summary))
    .sort();
}

async function subscribeReplaceRevoke(page: Page, request: APIRequestContext, baseURL: string): Promise<void> {
  const { user, titles } = createRep();
  await signInAs(page, baseURL, user.email);
  await page.goto('/');
  await page.getByLabel(`Benutzermenü: ${user.name}`).click();
  await page.getByRole('link', { name: 'Kalender-Abo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender-Abo' })).toBeVisible();
  await expect(page.getByText('Sie haben kein aktives Kalender-Abo.')).toBeVisible();

  const first = await createAddress(page, 'Kalender-Adresse erstellen');
  await expect(page.getByText(/^Ein Kalender-Abo ist aktiv \(Adresse erstellt am .+\)\.$/)).toBeVisible();
  const summaries = await summariesAt(request, first);
  expect(summaries).toHaveLength(3);
  expect(summaries.some((summary) => summary.includes(`${titles[0]} – Nachfassen, dringend`))).toBe(true);
  expect(summaries.some((summary) => summary.includes(`${titles[1]} – Rückruf`))).toBe(true);
  expect(summaries.some((summary) => summary.endsWith(titles[2]))).toBe(true);

  // Shown once: opened again, the page shows the state, never the address.
  await page.goto('/account/calendar');
  await expect(page.getByText(/^Ein Kalender-Abo ist aktiv/)).toBeVisible();
  await expect(page.getByLabel('Ihre Kalender-Adresse')).toHaveCount(0);
  expect(await page.content()).not.toContain(new URL(first).searchParams.get('token'));

  // A new address ends the old one.
  const second = await createAddress(page, 'Neue Adresse erstellen (die alte wird ungültig)');
  expect(second).not.toBe(first);
  expect((await request.get(first)).status()).toBe(404);
  expect(await summariesAt(request, second)).toEqual(summaries);
  expect(activeFeeds(user.id)).toBe(1);

  await page.getByRole('button', { name: 'Adresse widerrufen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Kalender-Adresse wurde widerrufen.' })).toBeVisible();
  await expect(page.getByText('Sie haben kein aktives Kalender-Abo.')).toBeVisible();
  await expect(page.getByLabel('Ihre Kalender-Adresse')).toHaveCount(0);
  await expect(page.getByText('Die Kalender-Adresse wurde erstellt.', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Adresse widerrufen' })).toHaveCount(0);
  const revoked = await request.get(second);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).toBe('Not Found');
  expect(activeFeeds(user.id)).toBe(0);
}

test.describe('with JavaScript', () => {
  test('create the address, fetch the calendar, replace it, revoke it', async ({ page, request, baseURL }) => {
    await subscribeReplaceRevoke(page, request, baseURL!);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same flow as plain form posts', async ({ page, request, baseURL }) => {
    await subscribeReplaceRevoke(page, request, baseURL!);
  });
});

test('a user without crm has no menu entry and gets 403; a user who lost crm is refused by the action', async ({ page, baseURL }) => {
  await signIn(page, DEMO.agent);
  await page.getByLabel('Benutzermenü: Agnes Service').click();
  await expect(page.getByRole('link', { name: 'Passwort ändern' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kalender-Abo' })).toHaveCount(0);
  expect((await page.goto('/account/calendar'))?.status()).toBe(403);
  await expect(page.getByText('Kalender-Adresse erstellen')).toHaveCount(0);

  // The page open, the role taken away behind it (the session stays): the action refuses and writes nothing.
  const { user } = createRep();
  await page.context().clearCookies();
  await signInAs(page, baseURL!, user.email);
  await page.goto('/account/calendar');
  withDb((db) => db.prepare("update users set roles = '[]' where id = ?").run(user.id));
  await page.getByRole('button', { name: 'Kalender-Adresse erstellen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Keine Berechtigung für diese Aktion.' })).toBeVisible();
  await expect(page.getByLabel('Ihre Kalender-Adresse')).toHaveCount(0);
  expect(withDb((db) => db.prepare('select count(*) from calendar_feeds where user_id = ?').pluck().get(user.id))).toBe(0);
});
