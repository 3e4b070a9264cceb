// The CRM administration (/admin/crm) as a CRM admin uses it: add entries (German amounts), reorder them
// by drag and drop and by buttons (also without JavaScript), bad ranges refused, delete only while unused,
// archive instead; and a CRM user without crm_admin is refused the page.
import { expect, test } from '@playwright/test';
import { CrmAdminPage, TicketCrmPanel, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

test('an admin adds a CRM-Ticketstatus and an Umsatzgruppe and reorders by drag and drop and by buttons', async ({ page }) => {
  await signIn(page, DEMO.admin);
  const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
  await statuses.goto();
  const first = unique('Erstgespräch');
  const second = unique('Demo vereinbart');
  await statuses.addEntry({ Name: first });
  await statuses.addEntry({ Name: second });
  await statuses.expectOrder([first, second]);

  // Drag the second entry onto the first: it now stands before it, also after a reload.
  await statuses.drag(second, first);
  await statuses.expectOrder([second, first]);
  await statuses.expectSavedOrder([second, first]);

  await statuses.move(first, 'oben');
  await statuses.expectOrder([first, second]);
  await statuses.expectSavedOrder([first, second]);
  await statuses.move(first, 'unten');
  await statuses.expectOrder([second, first]);
  await statuses.expectSavedOrder([second, first]);

  const groups = new CrmAdminPage(page, 'revenueGroups');
  await groups.goto();
  const group = unique('Großkunden');
  await groups.addEntry({ Name: group, 'Umsatz von (EUR)': '250.000,00', 'Umsatz bis (EUR, leer: unbegrenzt)': '1.499.999,99' });
  await expect(groups.entry(group)).toContainText('250.000,00 € – 1.499.999,99 €');
  const stored = withDb((db) => db.prepare('select min_cents as min, max_cents as max from revenue_groups where name = ?').get(group));
  expect(stored).toEqual({ min: 25_000_000, max: 149_999_999 });

  // A second Umsatzgruppe, dragged above the first, keeps its place after a reload.
  const smaller = unique('Kleinkunden');
  await groups.addEntry({ Name: smaller, 'Umsatz von (EUR)': '0,00', 'Umsatz bis (EUR, leer: unbegrenzt)': '9.999,99' });
  await groups.drag(smaller, group);
  await groups.expectSavedOrder([smaller, group]);
});

test('without JavaScript an admin adds entries and reorders them with the ↑/↓ buttons', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.admin);
  const groups = new CrmAdminPage(page, 'revenueGroups');
  await groups.goto();
  const first = unique('Mittelstand');
  const second = unique('Konzern');
  await groups.addEntry({ Name: first, 'Umsatz von (EUR)': '50.000,00', 'Umsatz bis (EUR, leer: unbegrenzt)': '249.999,99' });
  await expect(page).toHaveURL(/list=revenueGroups/);
  await groups.addEntry({ Name: second, 'Umsatz von (EUR)': '250.000,00' });
  await expect(groups.entry(second)).toContainText('250.000,00 € – unbegrenzt');
  await groups.expectSavedOrder([first, second]);

  await groups.move(second, 'oben');
  await groups.expectSavedOrder([second, first]);
  await groups.move(second, 'unten');
  await groups.expectSavedOrder([first, second]);

  const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
  await statuses.goto();
  const status = unique('Ohne Skript');
  await statuses.addEntry({ Name: status });
  const last = await statuses.entries().locator('strong').allInnerTexts();
  const before = last.at(-2)!;
  await statuses.move(status, 'oben');
  await statuses.expectSavedOrder([status, before]);
  await context.close();
});

test('an invalid range and an overlapping company size are refused with a message and change nothing', async ({ page }) => {
  await signIn(page, DEMO.admin);
  const groups = new CrmAdminPage(page, 'revenueGroups');
  await groups.goto();
  const count = await groups.entries().count();
  const name = unique('Verkehrt herum');
  await groups.add({ Name: name, 'Umsatz von (EUR)': '500.000,00', 'Umsatz bis (EUR, leer: unbegrenzt)': '100.000,00' });
  const max = groups.addForm().getByLabel('Umsatz bis (EUR, leer: unbegrenzt)');
  await expect(max).toHaveAccessibleDescription('Der Höchstwert muss mindestens so groß sein wie der Mindestwert.');
  await expect(max).toHaveValue('100.000,00');
  await expect(groups.addForm().getByLabel('Name')).toHaveValue(name);
  await expect(groups.entry(name)).toHaveCount(0);
  await expect(groups.entries()).toHaveCount(count);

  // 120–130 employees lies inside exactly one existing range: the message names it.
  const sizes = new CrmAdminPage(page, 'companySizes');
  const other = withDb(
    (db) =>
      db
        .prepare(
          'select name, min_employees as min, max_employees as max from company_sizes where min_employees <= 130 and coalesce(max_employees, 1e12) >= 120 order by position, id',
        )
        .get() as { name: string; min: number; max: number | null },
  );
  await sizes.goto();
  const sizeCount = await sizes.entries().count();
  const overlapping = unique('Überschneidung');
  await sizes.add({ Name: overlapping, 'Beschäftigte von': '120', 'Beschäftigte bis (leer: unbegrenzt)': '130' });
  await expect(
    sizes.alert(`Die Spanne überschneidet sich mit „${other.name}“ (${other.min}–${other.max ?? '∞'} Beschäftigte).`),
  ).toBeVisible();
  await expect(sizes.addForm().getByLabel('Beschäftigte von')).toHaveValue('120');
  await sizes.goto();
  await expect(sizes.entry(overlapping)).toHaveCount(0);
  await expect(sizes.entries()).toHaveCount(sizeCount);
});

test('a used status cannot be deleted; archived, it leaves the CRM-Status select but stays on its ticket', async ({ page }) => {
  await signIn(page, DEMO.admin);
  const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
  await statuses.goto();
  const status = unique('Testphase');
  await statuses.addEntry({ Name: status });

  // Two CRM tickets: one carries the new status, the other does not.
  const using = ticketWithoutCrm();
  withDb((db) => {
    const id = db.prepare('select id from crm_ticket_statuses where name = ?').pluck().get(status);
    db.prepare('update tickets set crm_enabled = 1, crm_status_id = ? where id = ?').run(id, using.id);
  });
  const other = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set crm_enabled = 1 where id = ?').run(other.id));

  const panel = new TicketCrmPanel(page);
  await panel.goto(other.id);
  await expect(panel.field('status').getByRole('option', { name: status, exact: true })).toHaveCount(1);

  await statuses.goto();
  await statuses.press(status, 'Löschen');
  await expect(statuses.entry(status).getByRole('alert')).toHaveText(
    `„${status}“ wird noch von einem Datensatz verwendet und kann nicht gelöscht werden. Archivieren Sie den Eintrag stattdessen.`,
  );
  await statuses.goto();
  await expect(statuses.entry(status)).toHaveCount(1);

  await statuses.press(status, 'Archivieren');
  await expect(statuses.entry(status).getByRole('button', { name: `Wiederherstellen: ${status}` })).toBeVisible();
  await expect(statuses.entry(status)).toContainText('Archiviert');

  await panel.goto(other.id);
  await expect(panel.field('status').getByRole('option', { name: new RegExp(status) })).toHaveCount(0);
  await panel.goto(using.id);
  await expect(panel.status()).toHaveText(`${status} (archiviert)`);
});

test('a CRM user without crm_admin gets the 403 page at /admin/crm', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const response = await page.goto('/admin/crm');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Neuer Eintrag/ })).toHaveCount(0);
});

/** A CRM-Ticketstatus that a ticket uses, and the company size with the same id (ids repeat across lists). */
function usedStatusBesideSize(): { status: string; size: string } {
  const pair = withDb(
    (db) =>
      db
        .prepare(
          'select s.id, s.name as status, c.name as size from crm_ticket_statuses s join company_sizes c on c.id = s.id where s.archived = 0 order by s.id limit 1',
        )
        .get() as { id: number; status: string; size: string },
  );
  const ticket = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set crm_status_id = ? where id = ?').run(pair.id, ticket.id));
  return pair;
}

/** A company-size range of its own (beyond the demo's ranges) holding `partners` partners. */
function sizeHoldingPartners(partners: number): string {
  const name = unique('Riesig');
  withDb((db) => {
    // Above every employee count so far: no partner of an earlier test falls into it.
    const min = Math.max(9_000_000, Number(db.prepare('select max(employee_count) from partners').pluck().get())) + 10;
    db.prepare('insert into company_sizes (name, min_employees, max_employees, position) values (?, ?, ?, 999)').run(name, min, min + 9);
    const ids = db.prepare('select id from partners where employee_count is null order by id limit ?').pluck().all(partners);
    for (const id of ids) db.prepare('update partners set employee_count = ? where id = ?').run(min, id);
  });
  return name;
}

for (const javaScriptEnabled of [true, false]) {
  test(`messages stay with their list and entry (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    const { status, size } = usedStatusBesideSize();
    const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
    const sizes = new CrmAdminPage(page, 'companySizes');
    const inUse = /wird noch von .* verwendet und kann nicht gelöscht werden/;
    await statuses.goto();
    const added = unique('Nachfassen');
    await statuses.addEntry({ Name: added });
    await statuses.press(status, 'Löschen');
    await expect(statuses.entry(status).getByRole('alert')).toHaveText(inUse);

    // Another list's tab: neither the delete error nor the add form's success comes along.
    await sizes.openTab();
    await expect(sizes.entry(size)).toBeVisible();
    await expect(page.getByText(inUse)).toHaveCount(0);
    await expect(sizes.addForm().getByRole('status')).toHaveCount(0);

    // A save there answers at its own entry only.
    await sizes.save(size);
    await expect(sizes.entry(size).getByRole('status')).toHaveText('Gespeichert.');
    await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toHaveCount(1);
    await expect(page.getByText(inUse)).toHaveCount(0);
    await expect(page.getByText('Der Eintrag wurde hinzugefügt.')).toHaveCount(0);

    // Back at the statuses, the list is as saved, without another list's answers.
    await statuses.openTab();
    await expect(statuses.entry(added)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toHaveCount(0);
    await context.close();
  });

  test(`a company size shows its partners and is deleted only after a confirmation (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    const name = sizeHoldingPartners(2);
    const sizes = new CrmAdminPage(page, 'companySizes');
    await sizes.goto();
    await expect(sizes.entry(name)).toContainText('Geschäftspartner in diesem Bereich: 2');

    await sizes.press(name, 'Löschen');
    await expect(sizes.entry(name).getByRole('alert')).toHaveText(
      `2 Geschäftspartner fallen in „${name}“. Wirklich löschen? Sie fallen danach in keinen Bereich.`,
    );
    await expect(sizes.entry(name)).toHaveCount(1);
    await sizes.press(name, 'Ja, löschen');
    await expect(sizes.entry(name)).toHaveCount(0);
    await sizes.goto();
    await expect(sizes.entry(name)).toHaveCount(0);
    expect(withDb((db) => db.prepare('select count(*) from company_sizes where name = ?').pluck().get(name))).toBe(0);
    await context.close();
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`a CRM admin sets, corrects and clears "Veraltet nach (Tagen)" on a status (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
    await statuses.goto();
    const stored = (name: string) =>
      withDb((db) => db.prepare('select stale_after_days from crm_ticket_statuses where name = ?').pluck().get(name));
    await expect(statuses.entry('Verhandlung')).toContainText('veraltet nach 14 Tagen');
    await expect(statuses.addForm()).toContainText('Gilt nur für Status der Phase Offen');

    const name = unique('Nachfassen');
    await statuses.addEntry({ Name: name, 'Veraltet nach (Tagen)': '10' });
    await expect(statuses.entry(name)).toContainText('Phase: Offen · keine Farbe · veraltet nach 10 Tagen');
    expect(stored(name)).toBe(10);

    // The edit form stays open after each answer: several saves in a row on one page.
    const entry = statuses.entry(name);
    const field = entry.getByLabel('Veraltet nach (Tagen)', { exact: true });
    const saveWith = async (days: string) => {
      if (!(await field.isVisible())) await entry.getByText(`„${name}“ bearbeiten`, { exact: true }).click();
      await field.fill(days);
      await entry.getByRole('button', { name: 'Speichern', exact: true }).click();
    };

    await saveWith('0');
    await expect(field).toHaveAccessibleDescription(
      'Bitte eine ganze Zahl von 1 bis 3650 eingeben oder das Feld leer lassen (nie veraltet).',
    );
    await expect(field).toHaveValue('0');
    await expect(entry).toContainText('veraltet nach 10 Tagen');
    expect(stored(name)).toBe(10);

    await saveWith('21');
    await expect(entry.getByRole('status')).toHaveText('Gespeichert.');
    await expect(entry).toContainText('veraltet nach 21 Tagen');
    expect(stored(name)).toBe(21);

    await saveWith('');
    await expect(entry.getByRole('status')).toHaveText('Gespeichert.');
    await expect(entry).not.toContainText('veraltet nach');
    expect(stored(name)).toBeNull();

    await statuses.goto();
    await expect(statuses.entry(name)).toContainText('Phase: Offen · keine Farbe');
    await expect(statuses.entry(name)).not.toContainText('veraltet nach');
    await context.close();
  });
}
