// Contacts as a service team uses them: add one to a partner, choose the partner with the picker, edit,
// a stale save in two browsers, bad input — with and without JavaScript.
import { expect, test, type Browser } from '@playwright/test';
import { alertWith, ContactForm, NewPartnerPage, PartnerPage } from './pages/partner-pages';
import { DEMO, e2eDb, signIn, unique } from './support';

/** A signed-in page in a new context, and a partner created through the form for this test. */
async function withPartner(browser: Browser, javaScript: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  const name = `${unique('Elbe Datentechnik')} GmbH`;
  const form = new NewPartnerPage(page);
  await form.goto();
  await form.fill({ Name: name, Ort: 'Dresden' });
  const id = await form.create();
  const db = e2eDb();
  const gpid = db.prepare('select gpid from partners where id = ?').pluck().get(id);
  db.close();
  // As the partner picker labels it.
  return { context, page, partner: { id, name, label: `${name} (${gpid}, Dresden)` } };
}

for (const javaScript of [true, false]) {
  const mode = `JavaScript ${javaScript ? 'on' : 'off'}`;

  test(`a contact is added to a partner from its page and edited (${mode})`, async ({ browser }) => {
    const { context, page, partner } = await withPartner(browser, javaScript);
    const lastName = unique('Krüger');
    await page.getByRole('link', { name: 'Kontakt anlegen' }).click();
    await expect(page).toHaveURL(new RegExp(`/contacts/new\\?partner=${partner.id}$`));

    const form = new ContactForm(page, javaScript);
    await form.expectPartner(partner.label);
    await form.fill({ Anrede: 'Frau', Vorname: 'Julia', Nachname: lastName, Position: 'IT-Leiterin' });
    await form.create();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Frau Julia ${lastName}`);
    await expect(page.getByRole('link', { name: partner.name })).toBeVisible();

    await form.fill({ Position: 'Geschäftsführerin', 'E-Mail': 'julia@elbe.example' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
    await expect(form.field('Position')).toHaveValue('Geschäftsführerin');

    await new PartnerPage(page).goto(partner.id);
    const row = new PartnerPage(page).contacts().getByRole('row', { name: new RegExp(lastName) });
    await expect(row).toContainText('Geschäftsführerin');
    await context.close();
  });

  test(`a new contact's partner is found with the picker, keeping what was typed (${mode})`, async ({ browser }) => {
    const { context, page, partner } = await withPartner(browser, javaScript);
    const lastName = unique('Schubert');
    await page.goto('/contacts/new');
    const form = new ContactForm(page, javaScript);
    await form.fill({ Vorname: 'Tobias', Nachname: lastName });
    await form.choosePartner(partner.name, partner.label);
    await expect(form.field('Nachname')).toHaveValue(lastName);
    await form.create();
    await expect(page.getByRole('link', { name: partner.name })).toBeVisible();

    await page.goto('/contacts');
    await page.getByLabel('Suchbegriff').fill(lastName);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await expect(page.getByRole('row', { name: new RegExp(lastName) })).toContainText(partner.name);
    await context.close();
  });
}

test('the contact list pages through the URL without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  await page.goto('/contacts');
  const paging = page.getByRole('navigation', { name: 'Seitennavigation' });
  await expect(paging).toContainText(/Seite 1 von \d+/);
  const firstRow = await page.getByRole('row').nth(1).textContent();
  await paging.getByRole('link', { name: /Weiter/ }).click();
  await expect(page).toHaveURL(/\/contacts\?page=2$/);
  await expect(paging).toContainText(/Seite 2 von \d+/);
  await expect(page.getByRole('row').nth(1)).not.toHaveText(firstRow ?? '');
  await context.close();
});

test('a stale contact save in a second browser is refused naming who saved; the first change survives', async ({ browser }) => {
  const { context, page } = await withPartner(browser, true);
  await page.goto('/contacts/new');
  const form = new ContactForm(page, true);
  await form.fill({ Nachname: unique('Lorenz') });
  const id = await form.create();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, DEMO.crm);
  await other.goto(`/contacts/${id}`);
  await page.goto(`/contacts/${id}`);

  await form.fill({ Position: 'Prokurist' });
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  const theirs = new ContactForm(other, true);
  await theirs.fill({ Position: 'Sachbearbeiter' });
  await other.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(alertWith(other, 'inzwischen von Agnes Service geändert')).toBeVisible();

  await other.reload();
  await expect(theirs.field('Position')).toHaveValue('Prokurist');
  await otherContext.close();
  await context.close();
});

test('an oversized last name gets a message, never a server error', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/contacts/new');
  const form = new ContactForm(page, true);
  await form.field('Nachname').evaluate((input) => input.removeAttribute('maxlength'));
  await form.fill({ Nachname: 'x'.repeat(10_000), 'E-Mail': 'kein-mail' });
  await page.getByRole('button', { name: 'Kontakt anlegen' }).click();
  await expect(page.getByText('Der Text ist zu lang.')).toBeVisible();
  await expect(page.getByText('Bitte eine gültige E-Mail-Adresse eingeben.')).toBeVisible();
  await expect(page).toHaveURL(/\/contacts\/new$/);
});
