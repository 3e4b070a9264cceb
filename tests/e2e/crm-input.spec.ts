// Issue 17, points 7 and 10: amounts typed and shown in the user's language in the ticket CRM panel,
// CRM saves with their own stamp that plain users never see, and a plain user's delete of a partner
// that carries CRM data refused with a message that shows none of it.
import { expect, test, type Page } from '@playwright/test';
import { PartnerPage } from './pages/partner-pages';
import { TicketCrmPanel, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { createTestUser, SESSION_COOKIE, sessionToken } from './sessions';
import { DEMO, signIn, unique } from './support';

/** A ticket with CRM enabled and no CRM values yet; its master data last saved by nobody in particular. */
function crmTicket(): { id: number } {
  const ticket = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set crm_enabled = 1 where id = ?').run(ticket.id));
  return ticket;
}

const storedPotential = (id: number) =>
  withDb((db) => db.prepare('select potential_cents from tickets where id = ?').pluck().get(id) as number | null);

/** The CRM panel in English, found by its English labels. */
function englishPanel(page: Page) {
  const form = page.getByRole('region', { name: 'CRM', exact: true }).getByRole('form', { name: 'CRM' });
  return {
    potential: form.getByLabel('Revenue potential (EUR)', { exact: true }),
    probability: form.getByLabel('Closing probability (%)', { exact: true }),
    saved: form.getByRole('status'),
    save: async () => {
      const answered = page.waitForResponse((response) => response.request().method() === 'POST');
      await form.getByRole('button', { name: 'Save' }).click();
      await answered;
    },
  };
}

for (const javaScript of [true, false]) {
  test(`an English CRM user types and sees amounts in English notation, saving twice in a row (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const user = createTestUser('Emma English', ['crm']);
    withDb((db) => db.prepare("update users set locale = 'en' where id = ?").run(user.id));
    const ticket = crmTicket();
    const before = withDb((db) => db.prepare('select version, updated_by_id as updatedById from tickets where id = ?').get(ticket.id));
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    await context.addCookies([
      { name: SESSION_COOKIE, value: await sessionToken(user.email), url: baseURL!, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    await page.goto(`/tickets/${ticket.id}`);
    const panel = englishPanel(page);

    await panel.potential.fill('13,500.50');
    await panel.probability.fill('60 %');
    await panel.save();
    await expect(panel.saved).toHaveText('Saved.');
    await expect(panel.potential).toHaveValue('13,500.50');
    await expect(panel.probability).toHaveValue('60');
    await expect(page.getByRole('region', { name: 'CRM', exact: true })).toContainText(`CRM changed`);
    await expect(page.getByRole('region', { name: 'CRM', exact: true })).toContainText(`by ${user.name}`);
    expect(storedPotential(ticket.id)).toBe(1_350_050);

    // Again on the same page: the other common notation, unambiguous, is read as well.
    await panel.potential.fill('14500,75');
    await panel.save();
    await expect(panel.saved).toHaveText('Saved.');
    await expect(panel.potential).toHaveValue('14,500.75');
    expect(storedPotential(ticket.id)).toBe(1_450_075);

    // An ambiguous one takes the English reading: 1.500 is one euro fifty.
    await panel.potential.fill('1.500');
    await panel.save();
    await expect(panel.saved).toHaveText('Saved.');
    await expect(panel.potential).toHaveValue('1.50');
    expect(storedPotential(ticket.id)).toBe(150);

    // The CRM saves left the ticket's own version and "Changed … by …" alone.
    expect(withDb((db) => db.prepare('select version, updated_by_id as updatedById from tickets where id = ?').get(ticket.id))).toEqual(
      before,
    );
    await context.close();
  });
}

test('a German CRM user types 13.500,50 and sees it so, then saves the English form on the same page', async ({ page }) => {
  const ticket = crmTicket();
  await signIn(page, DEMO.crm);
  const panel = new TicketCrmPanel(page);
  await panel.goto(ticket.id);
  await panel.fill({ potential: '13.500,50' });
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await expect(panel.field('potential')).toHaveValue('13.500,50');
  await expect(panel.panel()).toContainText('CRM geändert');
  await expect(panel.panel()).toContainText('von Carl Vertrieb');
  expect(storedPotential(ticket.id)).toBe(1_350_050);

  await panel.fill({ potential: '13,600.25' });
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await expect(panel.field('potential')).toHaveValue('13.600,25');
  expect(storedPotential(ticket.id)).toBe(1_360_025);

  // A sub-cent reading in German is refused next to the field, not taken as thirteen thousand.
  await panel.fill({ potential: '13,605' });
  await panel.save();
  await expect(panel.field('potential')).toHaveAccessibleDescription('Bitte einen Betrag ab 0 eingeben, z. B. 12.500,00.');
  await expect(panel.field('potential')).toHaveValue('13,605');
  expect(storedPotential(ticket.id)).toBe(1_360_025);
});

test('a plain user sees the master data\'s "Geändert … von …", never the CRM user who saved CRM data after it', async ({
  page,
  browser,
}) => {
  const ticket = crmTicket();
  await signIn(page, DEMO.agent);
  await page.goto(`/tickets/${ticket.id}`);
  const info = page.getByRole('region', { name: 'Ticketinformation' });
  const changedBefore = await info.textContent();
  expect(changedBefore).toContain('Geändert');

  const crmContext = await browser.newContext();
  const crmPage = await crmContext.newPage();
  await signIn(crmPage, DEMO.crm);
  const panel = new TicketCrmPanel(crmPage);
  await panel.goto(ticket.id);
  await panel.fill({ probability: '30' });
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await crmContext.close();

  await page.goto(`/tickets/${ticket.id}`);
  await expect(info).toHaveText(changedBefore!);
  await expect(page.getByRole('main')).not.toContainText('CRM geändert');
});

test("a plain user's delete of a partner with CRM data is refused with a message that shows none of it (JavaScript off)", async ({
  browser,
}) => {
  const secret = unique('Rabatt nur für Stammkunden');
  const partner = withDb((db) => {
    const gpid = (db.prepare('select max(gpid) from partners').pluck().get() as number) + 1;
    const id = Number(
      db
        .prepare('insert into partners (gpid, name, comment1, employee_count) values (?, ?, ?, 4711)')
        .run(gpid, unique('Löschtest GmbH'), secret).lastInsertRowid,
    );
    return { id };
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.agent);
  const partnerPage = new PartnerPage(page);
  await partnerPage.goto(partner.id);
  await partnerPage.delete();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Zu diesem Geschäftspartner gibt es CRM-Daten. Nur ein CRM Benutzer kann ihn löschen.' }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText(secret);
  await expect(page.locator('body')).not.toContainText('4711');
  expect(withDb((db) => db.prepare('select count(*) from partners where id = ?').pluck().get(partner.id))).toBe(1);

  // The page still works after the refusal: the master data saves on the same page.
  const city = unique('Kiel');
  await partnerPage.save({ Ort: city });
  await expect(partnerPage.masterData().getByRole('status')).toHaveText('Gespeichert.');
  expect(withDb((db) => db.prepare('select city from partners where id = ?').pluck().get(partner.id))).toBe(city);
  await context.close();
});

for (const javaScript of [true, false]) {
  test(`a CRM user saves a contact's Merkmale twice on one page; the contact's "Zuletzt geändert" stays (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const first = unique('Merkmal Eins');
    const second = unique('Merkmal Zwei');
    const { contactId, stamp } = withDb((db) => {
      const insert = db.prepare(
        "insert into attributes (name, position, applies_to) values (?, (select coalesce(max(position) + 1, 0) from attributes), 'contact')",
      );
      insert.run(first);
      insert.run(second);
      const id = Number(db.prepare('insert into contacts (last_name) values (?)').run(unique('Merkmaltest')).lastInsertRowid);
      return {
        contactId: id,
        stamp: db.prepare('select version, updated_at as updatedAt, updated_by_id as updatedById from contacts where id = ?').get(id),
      };
    });
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await signIn(page, DEMO.crm);
    await page.goto(`/contacts/${contactId}`);
    const section = page.getByRole('region', { name: 'Merkmale (CRM)' });
    const choose = async (name: string) => {
      await section.getByRole('checkbox', { name, exact: true }).check();
      const answered = page.waitForResponse((response) => response.request().method() === 'POST');
      await section.getByRole('button', { name: 'Merkmale speichern' }).click();
      await answered;
      await expect(section.getByRole('status')).toHaveText('Gespeichert.');
    };
    await choose(first);
    await choose(second);
    await expect(section.getByRole('checkbox', { name: first, exact: true })).toBeChecked();
    await expect(section.getByRole('checkbox', { name: second, exact: true })).toBeChecked();
    const saved = withDb((db) =>
      db
        .prepare(
          'select a.name from contact_attributes x join attributes a on a.id = x.attribute_id where x.contact_id = ? order by a.name',
        )
        .pluck()
        .all(contactId),
    );
    expect(saved).toEqual([first, second].sort());
    expect(
      withDb((db) =>
        db.prepare('select version, updated_at as updatedAt, updated_by_id as updatedById from contacts where id = ?').get(contactId),
      ),
    ).toEqual(stamp);
    await context.close();
  });
}
