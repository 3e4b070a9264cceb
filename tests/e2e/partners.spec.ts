// Business partners as a service team uses them: create (duplicate warning, "trotzdem anlegen"), search,
// sort, edit, a stale save in two browsers, delete, and bad input — with and without JavaScript.
import { expect, test } from '@playwright/test';
import { alertWith, NewPartnerPage, PartnerPage } from './pages/partner-pages';
import { DEMO, e2eDb, signIn, unique } from './support';

/** One value from the server's database. */
function dbValue(query: string, ...args: unknown[]): unknown {
  const db = e2eDb();
  try {
    return db
      .prepare(query)
      .pluck()
      .get(...args);
  } finally {
    db.close();
  }
}

function dbRun(query: string, ...args: unknown[]): number {
  const db = e2eDb();
  try {
    return Number(db.prepare(query).run(...args).lastInsertRowid);
  } finally {
    db.close();
  }
}

for (const javaScript of [true, false]) {
  test(`a partner is created; a similar name needs "trotzdem anlegen" (JavaScript ${javaScript ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signIn(page, DEMO.agent);
    const core = unique('Hanse Logistik');
    const form = new NewPartnerPage(page);

    await form.goto();
    await form.fill({ Name: `${core} GmbH`, Ort: 'Bremen', 'E-Mail': 'info@hanse.example' });
    const firstId = await form.create();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${core} GmbH`);
    const gpid = Number(dbValue('select gpid from partners where id = ?', firstId));
    await expect(page.getByText(`GPID ${gpid}`)).toBeVisible();

    await form.goto();
    await form.fill({ Name: `${core.toUpperCase()} AG`, Ort: 'Hamburg' });
    await form.submit();
    await expect(alertWith(page, 'ähnlichem Namen')).toBeVisible();
    const warning = form.duplicateWarning();
    await expect(warning.getByRole('link', { name: `${core} GmbH` })).toHaveAttribute('href', `/partners/${firstId}`);
    // Nothing was created and what was typed is still there.
    await expect(form.field('Name')).toHaveValue(`${core.toUpperCase()} AG`);
    await expect(form.field('Ort')).toHaveValue('Hamburg');
    expect(dbValue('select count(*) from partners where name = ?', `${core.toUpperCase()} AG`)).toBe(0);

    await warning.getByRole('checkbox', { name: 'trotzdem anlegen' }).check();
    const secondId = await form.create();
    expect(secondId).not.toBe(firstId);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${core.toUpperCase()} AG`);
    await expect(page.getByText(`GPID ${gpid + 1}`)).toBeVisible();
    await context.close();
  });
}

test('the list searches and sorts through URL parameters, also without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  await page.goto('/partners');
  await expect(page.getByText(/^\d+ Einträge$/)).toBeVisible();

  await page.getByRole('columnheader', { name: 'GPID' }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=gpid&dir=asc/);
  await expect(page.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('10001');
  await page.getByRole('columnheader', { name: /GPID/ }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=gpid&dir=desc/);
  await expect(page.getByRole('columnheader', { name: /GPID/ })).toHaveAttribute('aria-sort', 'descending');

  await page.getByLabel('Suchbegriff').fill('10001');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page).toHaveURL(/q=10001/);
  await expect(page.getByText('1 Eintrag', { exact: true })).toBeVisible();
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/partners\/\d+$/);
  // A demo partner shows its contacts and its tickets.
  await expect(new PartnerPage(page).contacts().getByRole('row')).not.toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: 'Tickets' })
      .getByRole('link', { name: /^T-\d{6}$/ })
      .first(),
  ).toBeVisible();
  await context.close();
});

test('a stale save in a second browser is refused naming who saved; the first change survives', async ({ page, browser }) => {
  await signIn(page, DEMO.agent);
  const form = new NewPartnerPage(page);
  await form.goto();
  await form.fill({ Name: `${unique('Kiel Werft')} GmbH`, Ort: 'Kiel' });
  const id = await form.create();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, DEMO.crm);
  const mine = new PartnerPage(page);
  const theirs = new PartnerPage(other);
  await mine.goto(id);
  await theirs.goto(id);

  await mine.save({ Ort: 'Lübeck' });
  await expect(mine.masterData().getByRole('status')).toHaveText('Gespeichert.');
  await theirs.save({ Ort: 'Rostock' });
  await expect(alertWith(theirs.masterData(), 'inzwischen von Agnes Service geändert')).toBeVisible();
  await expect(theirs.masterData().getByLabel('Ort', { exact: true })).toHaveValue('Rostock');

  await theirs.goto(id);
  await expect(theirs.masterData().getByLabel('Ort', { exact: true })).toHaveValue('Lübeck');
  await otherContext.close();
});

test('a partner with a contact cannot be deleted; without, it can', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const form = new NewPartnerPage(page);
  await form.goto();
  const name = `${unique('Löschprobe')} KG`;
  await form.fill({ Name: name });
  const id = await form.create();
  const contact = dbRun("insert into contacts (partner_id, last_name) values (?, 'Bleibt')", id);

  const partner = new PartnerPage(page);
  await partner.delete();
  await expect(alertWith(page, 'hat noch Kontakte')).toBeVisible();

  dbRun('delete from contacts where id = ?', contact);
  await partner.goto(id);
  await partner.delete();
  await expect(page).toHaveURL(/\/partners\?deleted=1$/);
  await expect(page.getByRole('status')).toHaveText('Der Geschäftspartner wurde gelöscht.');
  expect(dbValue('select count(*) from partners where id = ?', id)).toBe(0);
});

test('an oversized name gets a message, never a server error', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const form = new NewPartnerPage(page);
  await form.goto();
  // A crafted request: the field's own maxlength would stop a typist at 200 characters.
  await form.field('Name').evaluate((input) => input.removeAttribute('maxlength'));
  await form.field('Name').fill('Ü'.repeat(10_000));
  await form.field('Website').fill('javascript:alert(1)');
  await form.submit();
  await expect(alertWith(page, 'Bitte prüfen Sie die markierten Felder.')).toBeVisible();
  await expect(page.getByText('Der Text ist zu lang.')).toBeVisible();
  await expect(page.getByText('Bitte eine gültige Web-Adresse eingeben')).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/new$/);
});

test('unknown and malformed partner ids answer the not-found page', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const path of ['/partners/abc', '/partners/-1', '/partners/999999', '/contacts/abc', '/contacts/0']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Nicht gefunden' })).toBeVisible();
  }
});
