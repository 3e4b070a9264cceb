// Entering CRM data as a CRM user: the ticket CRM panel (with and without JavaScript) and the partner
// CRM tab, each with its Verlauf; and a plain user sees none of it, not even in the page's payload.
import { expect, test, type Page } from '@playwright/test';
import { insertHistory, insertLookup, PartnerCrmTab, TicketCrmPanel, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

/** The first active demo product, a choice every CRM form offers. */
function someProduct(): string {
  return withDb((db) => db.prepare('select name from products where archived = 0 order by position, id').pluck().get() as string);
}

for (const javaScript of [true, false]) {
  test(`a CRM user activates CRM on a ticket and fills it in; values and Verlauf stay (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const ticket = ticketWithoutCrm();
    const status = unique('Angebot angefragt');
    insertLookup('crmTicketStatuses', status);
    const product = someProduct();
    const newProduct = unique('Mobile App');
    await signIn(page, DEMO.crm);

    const panel = new TicketCrmPanel(page);
    await panel.goto(ticket.id);
    await expect(panel.form()).toHaveCount(0);
    await panel.activate();
    // The fresh form claims nothing was saved yet.
    await expect(panel.saved()).toHaveCount(0);
    await panel.fill({
      status,
      probability: '40',
      potential: '12.500,00',
      products: [product],
      newProducts: newProduct,
      expectedUsers: '25',
    });
    await panel.save();
    await expect(panel.saved()).toHaveText('Gespeichert.');

    await panel.goto(ticket.id);
    await expect(panel.status()).toHaveText(status);
    await expect(panel.field('probability')).toHaveValue('40');
    await expect(panel.field('potential')).toHaveValue('12.500,00');
    await expect(panel.field('expectedUsers')).toHaveValue('25');
    await expect(panel.product(product)).toBeChecked();
    await expect(panel.product(newProduct)).toBeChecked();
    const history = panel.history().getByRole('listitem');
    await expect(history.filter({ hasText: 'CRM aktiviert' })).toContainText('Nein → Ja');
    await expect(history.filter({ hasText: 'CRM-Status' })).toContainText(`— → ${status}`);
    await expect(history.filter({ hasText: 'Abschlusschance' })).toContainText('— → 40');
    await expect(history.filter({ hasText: 'Umsatzpotenzial' })).toContainText('— → 12.500,00 €');
    await expect(history.filter({ hasText: 'Produkte' })).toContainText(newProduct);
    await expect(history.filter({ hasText: 'Voraussichtliche Benutzeranzahl' })).toContainText('— → 25');
    await expect(history.first()).toContainText('Carl Vertrieb');

    // Bad input: messages next to the fields, what was typed stays, nothing is saved.
    await panel.fill({ probability: '150', potential: 'abc' });
    await panel.save();
    await expect(panel.field('probability')).toHaveAccessibleDescription('Bitte eine ganze Zahl von 0 bis 100 eingeben.');
    await expect(panel.field('potential')).toHaveAccessibleDescription('Bitte einen Betrag ab 0 eingeben, z. B. 12.500,00.');
    await expect(panel.field('probability')).toHaveValue('150');
    await expect(panel.field('potential')).toHaveValue('abc');
    await expect(panel.field('expectedUsers')).toHaveValue('25');
    await expect(panel.status()).toHaveText(status);

    // Deactivating keeps the saved values: activating again shows them, and no stale message.
    await panel.deactivate();
    await expect(panel.panel().getByRole('alert')).toHaveCount(0);
    await panel.activate();
    await expect(panel.saved()).toHaveCount(0);
    await expect(panel.status()).toHaveText(status);
    await expect(panel.field('probability')).toHaveValue('40');
    await expect(panel.field('potential')).toHaveValue('12.500,00');
    await expect(panel.field('expectedUsers')).toHaveValue('25');
    await expect(panel.history().getByRole('listitem').filter({ hasText: 'CRM aktiviert' }).first()).toContainText('Nein → Ja');
    await expect(panel.history().getByRole('listitem').filter({ hasText: 'CRM aktiviert' })).toHaveCount(3);
    await context.close();
  });
}

test('a long Verlauf shows 20 changes a page, newest first, and pages on without JavaScript, on a ticket and a partner', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const ticket = ticketWithoutCrm();
  insertHistory('ticket', ticket.id, 25);
  await signIn(page, DEMO.crm);
  const panel = new TicketCrmPanel(page);
  await panel.goto(ticket.id);
  const entries = panel.history().getByRole('listitem');
  await expect(entries).toHaveCount(20);
  await expect(entries.first()).toContainText('Abschlusschance: 24 % → 25 %');
  await expect(panel.history()).toContainText('25 Änderungen, die neuesten zuerst');
  const pages = panel.history().getByRole('navigation', { name: 'Seiten des Verlaufs' });
  await expect(pages).toContainText('Seite 1 von 2');
  await pages.getByRole('link', { name: 'Weiter' }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}\\?historyPage=2#history-ticket$`));
  await expect(entries).toHaveCount(5);
  await expect(entries.last()).toContainText('Abschlusschance: 0 % → 1 %');
  await pages.getByRole('link', { name: 'Zurück' }).click();
  await expect(entries.first()).toContainText('Abschlusschance: 24 % → 25 %');
  // A page past the last shows the last; a nonsense page the first.
  await page.goto(`/tickets/${ticket.id}?historyPage=9`);
  await expect(entries).toHaveCount(5);
  await page.goto(`/tickets/${ticket.id}?historyPage=abc`);
  await expect(entries).toHaveCount(20);

  const partner = withDb(
    (db) =>
      db
        .prepare(
          "select id from partners p where not exists (select 1 from crm_changes where entity = 'partner' and entity_id = p.id) order by id desc limit 1",
        )
        .get() as { id: number },
  );
  insertHistory('partner', partner.id, 21);
  await page.goto(`/partners/${partner.id}/crm?historyPage=2`);
  const tab = new PartnerCrmTab(page);
  await expect(tab.history().getByRole('listitem')).toHaveCount(1);
  await expect(tab.history().getByRole('listitem')).toContainText('Unternehmensgröße (Beschäftigte): 0 → 1');
  await context.close();
});

test('of two CRM users saving one ticket, the second is told who saved first and nothing is overwritten', async ({ page, browser }) => {
  const ticket = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set crm_enabled = 1 where id = ?').run(ticket.id));
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, DEMO.admin);
  await signIn(page, DEMO.crm);
  const mine = new TicketCrmPanel(page);
  const theirs = new TicketCrmPanel(other);
  await mine.goto(ticket.id);
  await theirs.goto(ticket.id);

  await theirs.fill({ probability: '60' });
  await theirs.save();
  await expect(theirs.saved()).toHaveText('Gespeichert.');
  await mine.fill({ probability: '20', potential: '5.000,00' });
  await mine.save();
  await expect(mine.form().getByRole('alert')).toContainText('inzwischen von Anna Admin geändert');
  await expect(mine.field('potential')).toHaveValue('5.000,00');
  await mine.goto(ticket.id);
  await expect(mine.field('probability')).toHaveValue('60');
  await expect(mine.field('potential')).toHaveValue('');
  await otherContext.close();
});

test("on a partner's CRM tab the Umsatzgruppe, size, a new campaign and Merkmale are saved and listed in the Verlauf", async ({ page }) => {
  const partner = withDb(
    (db) => db.prepare('select id from partners where coalesce(employee_count, 0) <> 120 order by id limit 1').get() as { id: number },
  );
  const group = unique('Umsatz Test');
  insertLookup('revenueGroups', group, { min_cents: 0 });
  const attribute = unique('Messebesucher');
  insertLookup('attributes', attribute, { applies_to: 'partner' });
  const expectedSize = withDb(
    (db) =>
      db
        .prepare('select name from company_sizes where min_employees <= 120 and coalesce(max_employees, 1e12) >= 120')
        .pluck()
        .get() as string,
  );
  const campaign = unique('Herbstmesse');
  await signIn(page, DEMO.crm);

  const tab = new PartnerCrmTab(page);
  await tab.goto(partner.id);
  await tab.field('Umsatzgruppe').selectOption({ label: group });
  await tab.field('Unternehmensgröße (Beschäftigte)').fill('120');
  await tab.field('Neue Kampagnen (durch Komma getrennt)').fill(campaign);
  await tab.choice('Merkmale', attribute).check();
  await tab.save();
  await expect(tab.companySize()).toHaveText(expectedSize);

  await tab.goto(partner.id);
  await expect(tab.field('Umsatzgruppe').locator('option:checked')).toHaveText(group);
  await expect(tab.field('Unternehmensgröße (Beschäftigte)')).toHaveValue('120');
  await expect(tab.companySize()).toHaveText(expectedSize);
  await expect(tab.choice('Kampagnen', campaign)).toBeChecked();
  await expect(tab.choice('Merkmale', attribute)).toBeChecked();
  const history = tab.history().getByRole('listitem');
  await expect(history.filter({ hasText: 'Umsatzgruppe' }).first()).toContainText(`→ ${group}`);
  await expect(history.filter({ hasText: 'Unternehmensgröße (Beschäftigte)' }).first()).toContainText('→ 120');
  await expect(history.filter({ hasText: 'Kampagnen' }).first()).toContainText(campaign);
  await expect(history.filter({ hasText: 'Merkmale' }).first()).toContainText(attribute);
});

/** A page's HTML and its React server component payload, fetched with the browser's cookies. */
async function bodies(page: Page, url: string): Promise<string[]> {
  const html = await page.request.get(url);
  const payload = await page.request.get(url, { headers: { RSC: '1' } });
  expect(payload.headers()['content-type']).toContain('text/x-component');
  return [await html.text(), await payload.text()];
}

test('a user without crm sees no CRM tab, panel or value, not in the HTML nor in the server component payload', async ({
  page,
  browser,
}) => {
  const ticket = ticketWithoutCrm();
  const status = unique('Geheimer Status');
  const statusId = insertLookup('crmTicketStatuses', status);
  const product = unique('Geheimprodukt');
  const productId = insertLookup('products', product);
  const group = unique('Geheime Umsatzgruppe');
  const groupId = insertLookup('revenueGroups', group, { min_cents: 0 });
  const attribute = unique('Geheimes Merkmal');
  const attributeId = insertLookup('attributes', attribute, { applies_to: 'both' });
  const { partnerId, contactId } = withDb((db) => {
    db.prepare('update tickets set crm_enabled = 1, crm_status_id = ?, potential_cents = 987654321, probability = 37 where id = ?').run(
      statusId,
      ticket.id,
    );
    db.prepare('insert into ticket_products (ticket_id, product_id) values (?, ?)').run(ticket.id, productId);
    const ids = db
      .prepare('select min(partner_id) as partnerId, min(id) as contactId from contacts where partner_id is not null')
      .get() as { partnerId: number; contactId: number };
    db.prepare('update partners set revenue_group_id = ? where id = ?').run(groupId, ids.partnerId);
    db.prepare('insert into contact_attributes (contact_id, attribute_id) values (?, ?)').run(ids.contactId, attributeId);
    return ids;
  });
  const secrets = [status, product, '9.876.543,21', '987654321', group, attribute];

  // The same requests as a CRM user do carry the values: the checks below can see a leak.
  const crmContext = await browser.newContext();
  const crmPage = await crmContext.newPage();
  await signIn(crmPage, DEMO.crm);
  const shown = {
    [`/tickets/${ticket.id}`]: [status, product, '9.876.543,21'],
    [`/partners/${partnerId}/crm`]: [group],
    [`/contacts/${contactId}`]: [attribute],
  };
  for (const [url, values] of Object.entries(shown)) {
    for (const body of await bodies(crmPage, url))
      for (const value of values) expect(body, `"${value}" for crm in ${url}`).toContain(value);
  }
  await crmContext.close();

  await signIn(page, DEMO.agent);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.title);
  await expect(page.getByRole('region', { name: 'CRM', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'CRM aktivieren' })).toHaveCount(0);
  const [html, payload] = await bodies(page, `/tickets/${ticket.id}`);
  expect(html).toContain(ticket.title);
  expect(payload).toContain(ticket.title);

  const tabs = page.getByRole('navigation', { name: 'Bereiche des Geschäftspartners' });
  await page.goto(`/partners/${partnerId}`);
  await expect(tabs.getByRole('link', { name: 'Stammdaten' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'CRM' })).toHaveCount(0);
  const refused = await page.goto(`/partners/${partnerId}/crm`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'CRM' })).toHaveCount(0);
  await page.goto(`/contacts/${contactId}`);
  await expect(page.getByRole('heading', { name: 'Merkmale (CRM)' })).toHaveCount(0);

  for (const url of [`/tickets/${ticket.id}`, `/partners/${partnerId}`, `/partners/${partnerId}/crm`, `/contacts/${contactId}`]) {
    for (const body of await bodies(page, url)) {
      for (const secret of secrets) expect(body, `"${secret}" in ${url}`).not.toContain(secret);
    }
  }
});
