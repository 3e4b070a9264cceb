// A day's ticket work as a service agent does it, with and without JavaScript; concurrent edits;
// the list's filter form; bad input answered with a message, never a server error.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { NewTicketPage, TicketListPage, TicketPage } from './pages/ticket-pages';
import { DEMO, e2eDb, signIn, unique } from './support';

type DemoContact = { id: number; name: string; partner: string; option: string; partnerOption: string };

/** A contact of a demo partner, with the label the contact picker shows for it. */
function demoContact(): DemoContact {
  const db = e2eDb();
  try {
    const row = db
      .prepare(
        `select c.id, c.first_name || ' ' || c.last_name as name, p.name as partner, p.gpid, p.city
         from contacts c join partners p on p.id = c.partner_id where c.first_name <> '' and p.city <> '' order by c.id limit 1`,
      )
      .get() as { id: number; name: string; partner: string; gpid: number; city: string };
    return {
      id: row.id,
      name: row.name,
      partner: row.partner,
      option: `${row.name} – ${row.partner}`,
      partnerOption: `${row.partner} (${row.gpid}, ${row.city})`,
    };
  } finally {
    db.close();
  }
}

async function openTicketForContact(
  page: Page,
  contact: DemoContact,
  options: { javaScript: boolean },
): Promise<{ id: number; title: string }> {
  const title = unique('Drucker im Lager druckt nicht');
  const form = new NewTicketPage(page, options);
  await form.goto();
  await form.fill({ title, description: 'Seit heute früh:\nPapierstau in Fach 2.' });
  await form.pickers.choose('Kontakt', contact.name, contact.option);
  // The search without JavaScript came back with everything typed so far.
  await expect(form.title()).toHaveValue(title);
  const id = await form.create();
  return { id, title };
}

async function workTicket(page: Page, contact: DemoContact, options: { javaScript: boolean }): Promise<void> {
  const { id, title } = await openTicketForContact(page, contact, options);
  const ticket = new TicketPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await ticket.expectStatus('Offen');
  await expect(ticket.infoValue('Kontakt')).toHaveText(contact.name);
  // The ticket names only the contact; it shows the contact's partner.
  await expect(ticket.infoValue('Geschäftspartner')).toContainText(contact.partner);
  await expect(page.getByRole('region', { name: 'Beschreibung' })).toContainText('Papierstau in Fach 2.');

  await ticket.press('Übernehmen');
  await expect(ticket.infoValue('Bearbeiter')).toHaveText('Agnes Service');
  await expect(ticket.info().getByRole('button', { name: 'Übernehmen' })).toHaveCount(0);

  await ticket.press('Parken');
  await ticket.expectStatus('Geparkt');
  await ticket.press('Schließen');
  await ticket.expectStatus('Geschlossen');
  await expect(ticket.info().getByRole('button', { name: 'Wieder öffnen' })).toBeVisible();

  const db = e2eDb();
  try {
    expect(
      db.prepare('select status, assignee_id is not null as assigned, partner_id, contact_id from tickets where id = ?').get(id),
    ).toEqual({
      status: 'closed',
      assigned: 1,
      partner_id: null,
      contact_id: contact.id,
    });
  } finally {
    db.close();
  }
}

async function newAgentPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  return page;
}

test('an agent opens a ticket for a contact, takes it over, parks and closes it', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await workTicket(page, demoContact(), { javaScript: true });
});

test("the same day's work without JavaScript, including a partner search while editing", async ({ browser }) => {
  const page = await newAgentPage(browser, false);
  const contact = demoContact();
  await workTicket(page, contact, { javaScript: false });

  // The search reloads the page with what was typed; saving then stores it and leaves the search behind.
  const ticket = new TicketPage(page, { javaScript: false });
  const title = unique('Ohne Skript geändert');
  await ticket.editForm().getByLabel('Titel').fill(title);
  await ticket.pickers.choose('Geschäftspartner', contact.partner, contact.partnerOption);
  await expect(ticket.editForm().getByLabel('Titel')).toHaveValue(title);
  await ticket.editForm().getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+(#ticket-edit)?$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(ticket.infoValue('Geschäftspartner')).toHaveText(contact.partner);
  await ticket.saveTitle(`${title} (2)`);
  await expect(ticket.editForm().getByRole('status')).toHaveText('Gespeichert.');
  await page.context().close();
});

test('of two colleagues editing one ticket, the second is told who saved first and nothing is overwritten', async ({ page, browser }) => {
  await signIn(page, DEMO.agent);
  const { id } = await openTicketForContact(page, demoContact(), { javaScript: true });
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, DEMO.crm);

  const first = new TicketPage(page);
  const second = new TicketPage(other);
  await second.goto(id);
  const firstTitle = unique('Von Agnes');
  await first.saveTitle(firstTitle);
  await expect(first.editForm().getByRole('status')).toHaveText('Gespeichert.');

  await second.saveTitle(unique('Von Carl'));
  await expect(second.editForm().getByRole('alert')).toContainText('inzwischen von Agnes Service geändert');

  await second.goto(id);
  await expect(other.getByRole('heading', { level: 1 })).toContainText(firstTitle);
  await expect(second.editForm().getByLabel('Titel')).toHaveValue(firstTitle);
  await otherContext.close();
});

test('the list filters by status and "ich" through its form', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const { title } = await openTicketForContact(page, demoContact(), { javaScript: true });
  const ticket = new TicketPage(page);
  await ticket.press('Übernehmen');
  await expect(ticket.infoValue('Bearbeiter')).toHaveText('Agnes Service');
  await ticket.press('Parken');
  await ticket.expectStatus('Geparkt');

  const list = new TicketListPage(page);
  await list.goto();
  await list.filter({ statuses: ['Geparkt'], assignee: 'ich' });
  await expect(page).toHaveURL(/[?&]status=parked(&|$)/);
  await expect(page).toHaveURL(/[?&]assignee=me(&|$)/);
  await expect(list.row(title)).toHaveCount(1);
  await expect(list.table().getByRole('cell', { name: /^(Offen|In Bearbeitung|Geschlossen)$/ })).toHaveCount(0);
  await expect(list.filters().getByRole('checkbox', { name: 'Geparkt' })).toBeChecked();

  await list.filter({ q: title });
  await expect(list.table().getByRole('row')).toHaveCount(2);
  await list.row(title).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
});

test('the list names parameters it ignored, including CRM criteria for a user without crm', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const list = new TicketListPage(page);
  await list.goto('?status=erledigt&crm=on&crmStatus=1');
  await expect(list.problems()).toHaveCount(3);
  await expect(list.problems().filter({ hasText: '„erledigt“ für „status“' })).toBeVisible();
  await expect(list.problems().filter({ hasText: 'CRM-Kriterien („crm“)' })).toBeVisible();
  await expect(list.table()).toBeVisible();
});

test('an oversized title and unknown ticket ids get a message, never a server error', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const form = new NewTicketPage(page);
  await form.goto();
  // The browser would stop typing at 200 characters; a crafted request would not.
  await form.title().evaluate((input) => input.removeAttribute('maxlength'));
  await form.title().fill('x'.repeat(10_000));
  await form.submit();
  await expect(page.getByText('Der Text ist zu lang.')).toBeVisible();
  await expect(page.getByText('Bitte einen Geschäftspartner oder einen Kontakt wählen.')).toBeVisible();
  await expect(form.title()).toHaveValue('x'.repeat(10_000));
  await expect(page).toHaveURL(/\/tickets\/new$/);

  for (const id of ['abc', '999999', '-1']) {
    const response = await page.goto(`/tickets/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Nicht gefunden' })).toBeVisible();
  }
});
