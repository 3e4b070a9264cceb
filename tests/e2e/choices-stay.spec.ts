// A saved choice stays chosen: with JavaScript, React resets a form after its action, and a choice
// control (select, checkbox, picker) that fell back to its page-load value made the next save write the
// old value back. Every form with a choice field is saved several times in a row here, on one page
// without reloading, and the stored record is checked after each save.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { insertLookup, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { createTestUser, findUser, signedInContext } from './sessions';
import { DEMO, unique } from './support';

async function pageAs(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await signedInContext(browser, baseURL!, email);
  return context.newPage();
}

/** Clicks the form's save button and waits until the action's answer is shown. */
async function save(form: Locator, button = 'Speichern'): Promise<void> {
  const submit = form.getByRole('button', { name: button, exact: true });
  const answered = form.page().waitForResponse((response) => response.request().method() === 'POST');
  await submit.click();
  await answered;
  await expect(submit).toBeEnabled();
  await expect(form.getByRole('status').or(form.getByRole('alert')).first()).toBeVisible();
}

function one<T>(query: string, ...params: unknown[]): T {
  return withDb((db) => db.prepare(query).get(...params) as T);
}

test('ticket form: the Bearbeiter stays after a save that changes only the title', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.agent);
  const ticket = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set assignee_id = null where id = ?').run(ticket.id));
  const crm = findUser(DEMO.crm);
  await page.goto(`/tickets/${ticket.id}`);
  const form = page.getByRole('region', { name: 'Ticket bearbeiten' });
  const assignee = form.getByLabel('Bearbeiter', { exact: true });

  await assignee.selectOption({ label: crm.name });
  await save(form);
  expect(one<{ a: number | null }>('select assignee_id as a from tickets where id = ?', ticket.id).a).toBe(crm.id);
  await expect(assignee).toHaveValue(String(crm.id));

  const title = unique('Neuer Titel');
  await form.getByLabel('Titel').fill(title);
  await save(form);
  expect(one('select title, assignee_id as a from tickets where id = ?', ticket.id)).toEqual({ title, a: crm.id });
  await expect(assignee).toHaveValue(String(crm.id));

  await assignee.selectOption({ value: '' });
  await save(form);
  await form.getByLabel('Titel').fill(`${title} 2`);
  await save(form);
  expect(one('select title, assignee_id as a from tickets where id = ?', ticket.id)).toEqual({ title: `${title} 2`, a: null });
  await expect(assignee).toHaveValue('');
});

test('ticket CRM panel: CRM-Status and Produkte stay after a save that changes only the Umsatzpotenzial', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.crm);
  const ticket = ticketWithoutCrm();
  const first = unique('Angebot erstellt');
  const second = unique('Verhandlung');
  insertLookup('crmTicketStatuses', first);
  const secondId = insertLookup('crmTicketStatuses', second);
  const product = unique('Produkt');
  const productId = insertLookup('products', product);
  await page.goto(`/tickets/${ticket.id}`);
  const panel = page.getByRole('region', { name: 'CRM', exact: true });
  await panel.getByRole('button', { name: 'CRM aktivieren' }).click();
  const form = panel.getByRole('form', { name: 'CRM' });
  const status = form.getByLabel('CRM-Status', { exact: true });
  const productBox = form.getByRole('group', { name: 'Produkte' }).getByRole('checkbox', { name: product, exact: true });

  await status.selectOption({ label: first });
  await save(form);
  await status.selectOption({ label: second });
  await productBox.check();
  await save(form);
  await expect(status.locator('option:checked')).toHaveText(second);
  await expect(productBox).toBeChecked();

  await form.getByLabel('Umsatzpotenzial (EUR)', { exact: true }).fill('13.000,00');
  await save(form);
  const stored = () =>
    one<{ s: number; p: number; n: number }>(
      'select crm_status_id as s, potential_cents as p, (select count(*) from ticket_products where ticket_id = t.id and product_id = ?) as n from tickets t where id = ?',
      productId,
      ticket.id,
    );
  expect(stored()).toEqual({ s: secondId, p: 1_300_000, n: 1 });
  await expect(status.locator('option:checked')).toHaveText(second);
  await expect(productBox).toBeChecked();

  // A refused save keeps what was chosen too, and the save after it writes it.
  await productBox.uncheck();
  await form.getByLabel('Abschlusschance (%)', { exact: true }).fill('150');
  await save(form);
  await expect(productBox).not.toBeChecked();
  await expect(status.locator('option:checked')).toHaveText(second);
  await form.getByLabel('Abschlusschance (%)', { exact: true }).fill('60');
  await save(form);
  expect(stored()).toEqual({ s: secondId, p: 1_300_000, n: 0 });
  await expect(productBox).not.toBeChecked();
});

test('partner CRM tab: selects and boxes stay after a save that changes only a comment', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.crm);
  const revenueGroup = unique('Umsatzgruppe');
  const revenueGroupId = insertLookup('revenueGroups', revenueGroup, { min_cents: 0 });
  const partnerId = one<{ id: number }>('select id from partners order by id desc limit 1').id;
  withDb((db) => db.prepare('update partners set newsletter = 0, revenue_group_id = null where id = ?').run(partnerId));
  await page.goto(`/partners/${partnerId}/crm`);
  const form = page.getByRole('form', { name: 'CRM' });
  const select = form.getByLabel('Umsatzgruppe', { exact: true });
  const newsletter = form.getByLabel('Newsletter aktiviert', { exact: true });

  await select.selectOption({ label: revenueGroup });
  await newsletter.check();
  await save(form);
  await expect(select.locator('option:checked')).toHaveText(revenueGroup);
  await expect(newsletter).toBeChecked();

  await form.getByLabel('Kommentar 1', { exact: true }).fill(unique('Rückruf'));
  await save(form);
  expect(one('select revenue_group_id as r, newsletter as n from partners where id = ?', partnerId)).toEqual({ r: revenueGroupId, n: 1 });

  await newsletter.uncheck();
  await save(form);
  await form.getByLabel('Kommentar 1', { exact: true }).fill(unique('Termin'));
  await save(form);
  expect(one('select revenue_group_id as r, newsletter as n from partners where id = ?', partnerId)).toEqual({ r: revenueGroupId, n: 0 });
  await expect(newsletter).not.toBeChecked();
});

test('contact: Anrede and Merkmale stay over several saves', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.crm);
  const attribute = unique('Entscheider');
  const attributeId = insertLookup('attributes', attribute, { applies_to: 'contact' });
  const contactId = one<{ id: number }>('select id from contacts order by id desc limit 1').id;
  withDb((db) => db.prepare(`update contacts set salutation = '' where id = ?`).run(contactId));
  await page.goto(`/contacts/${contactId}`);
  const details = page.getByRole('form', { name: 'Kontaktdaten' });
  const salutation = details.getByLabel('Anrede', { exact: true });

  await salutation.selectOption({ label: 'Frau' });
  await save(details);
  await details.getByLabel('Nachname', { exact: true }).fill(unique('Meier'));
  await save(details);
  expect(one<{ s: string }>('select salutation as s from contacts where id = ?', contactId).s).toBe('Frau');
  await expect(salutation).toHaveValue('Frau');

  const attributes = page.getByRole('group', { name: 'Merkmale' }).locator('xpath=ancestor::form[1]');
  const box = attributes.getByRole('checkbox', { name: attribute, exact: true });
  await box.check();
  await save(attributes, 'Merkmale speichern');
  await save(attributes, 'Merkmale speichern');
  expect(
    one<{ n: number }>('select count(*) as n from contact_attributes where contact_id = ? and attribute_id = ?', contactId, attributeId).n,
  ).toBe(1);
  await expect(box).toBeChecked();
  await box.uncheck();
  await save(attributes, 'Merkmale speichern');
  await save(attributes, 'Merkmale speichern');
  expect(
    one<{ n: number }>('select count(*) as n from contact_attributes where contact_id = ? and attribute_id = ?', contactId, attributeId).n,
  ).toBe(0);
});

test('user administration: Sprache and Rollen stay; a refused new user keeps English', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.admin);
  const user = createTestUser('Wahl Test', []);
  await page.goto(`/admin/users/${user.id}`);
  const form = page.getByRole('region', { name: 'Bearbeiten', exact: true }).locator('form');
  const locale = form.getByLabel('Sprache', { exact: true });
  await locale.selectOption('en');
  await form.getByRole('checkbox', { name: 'CRM Benutzer', exact: true }).check();
  await save(form);
  await form.getByLabel('Name', { exact: true }).fill('Wahl Test Zwei');
  await save(form);
  const stored = one<{ locale: string; roles: string; name: string }>('select locale, roles, name from users where id = ?', user.id);
  expect(stored.locale).toBe('en');
  expect(JSON.parse(stored.roles)).toContain('crm');
  expect(stored.name).toBe('Wahl Test Zwei');
  await expect(locale).toHaveValue('en');
  await expect(form.getByRole('checkbox', { name: 'CRM Benutzer', exact: true })).toBeChecked();

  await page.goto('/admin/users');
  const create = page.getByRole('region', { name: 'Benutzer anlegen', exact: true }).locator('form');
  const email = `${unique('english')}@example.com`;
  await create.getByLabel('Name', { exact: true }).fill('English Speaker');
  await create.getByLabel('E-Mail', { exact: true }).fill(email);
  await create.getByLabel('Sprache', { exact: true }).selectOption('en');
  // No password: refused, and the language stays as chosen for the next try.
  await create.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect(create.getByLabel('Sprache', { exact: true })).toHaveValue('en');
  await expect(create.getByRole('alert').first()).toBeVisible();
  await create.getByLabel('Passwort', { exact: true }).fill('Lange-Passphrase-2026!');
  await create.getByRole('button', { name: 'Benutzer anlegen' }).click();
  await expect.poll(() => one<{ locale: string } | undefined>('select locale from users where email = ?', email)?.locale).toBe('en');
});

test('CRM administration: "Gilt für" of a Merkmal stays after a rename', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.admin);
  const name = unique('Merkmal');
  const id = insertLookup('attributes', name, { applies_to: 'both' });
  await page.goto('/admin/crm?list=attributes');
  // Found by the start of its name, which the rename keeps.
  const entry = page.getByRole('listitem').filter({ has: page.getByText(name) });
  await entry.getByText(`„${name}“ bearbeiten`).click();
  const form = entry.locator('form', { has: page.locator('details') });
  const appliesTo = form.getByLabel('Gilt für', { exact: true });
  await appliesTo.selectOption({ label: 'Kontakte' });
  await save(form);
  await expect(appliesTo).toHaveValue('contact');
  await form.getByLabel('Name', { exact: true }).fill(`${name} neu`);
  await save(form);
  expect(one('select name, applies_to as a from attributes where id = ?', id)).toEqual({ name: `${name} neu`, a: 'contact' });
});

test('ticket board query: status boxes and the CRM choice stay after a refused save, and are stored by the next', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL, DEMO.crm);
  const owner = findUser(DEMO.crm);
  const queryId = withDb((db) =>
    Number(
      db.prepare(`insert into queries (owner_id, name, params, position) values (?, ?, '', 99)`).run(owner.id, unique('Abfrage'))
        .lastInsertRowid,
    ),
  );
  await page.goto(`/ticketboard/${queryId}`);
  const form = page.getByRole('form', { name: /^Abfrage bearbeiten/ });
  await form.getByRole('checkbox', { name: 'Geparkt', exact: true }).check();
  await form.getByLabel('CRM', { exact: true }).selectOption('on');
  // Without a name the save is refused; the choices stay, twice.
  await form.getByLabel('Name der Abfrage', { exact: true }).fill('');
  await save(form);
  await save(form);
  await expect(form.getByLabel('CRM', { exact: true })).toHaveValue('on');
  await expect(form.getByRole('checkbox', { name: 'Geparkt', exact: true })).toBeChecked();
  // A successful save goes back to the board.
  await form.getByLabel('Name der Abfrage', { exact: true }).fill(unique('Umbenannt'));
  await form.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page).toHaveURL(/\/ticketboard$/);
  const params = new URLSearchParams(one<{ p: string }>('select params as p from queries where id = ?', queryId).p);
  expect(params.getAll('status')).toEqual(['parked']);
  expect(params.get('crm')).toBe('on');
});

test('new ticket: a refused create keeps the Bearbeiter, and the next try stores it', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL, DEMO.agent);
  const crm = findUser(DEMO.crm);
  await page.goto('/tickets/new');
  const assignee = page.getByLabel('Bearbeiter', { exact: true });
  const partner = one<{ name: string }>('select name from partners order by id limit 1').name;
  const partnerBox = page.getByRole('combobox', { name: 'Geschäftspartner' });
  await partnerBox.fill(partner);
  const match = page.getByRole('option').filter({ hasText: partner }).first();
  const chosen = (await match.textContent())!;
  await match.click();
  await assignee.selectOption({ label: crm.name });
  // Without a title: refused twice; the Bearbeiter and the partner stay.
  for (let attempt = 0; attempt < 2; attempt++) {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Ticket anlegen' }).click();
    await answered;
    await expect(page.getByRole('button', { name: 'Ticket anlegen' })).toBeEnabled();
    await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    await expect(assignee).toHaveValue(String(crm.id));
    await expect(partnerBox).toHaveValue(chosen);
  }
  const title = unique('Rückrufbitte');
  await page.getByLabel('Titel').fill(title);
  await page.getByRole('button', { name: 'Ticket anlegen' }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  expect(one<{ a: number }>('select assignee_id as a from tickets where title = ?', title).a).toBe(crm.id);
});
