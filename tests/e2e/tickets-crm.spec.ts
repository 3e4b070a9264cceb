// /tickets for CRM users: visible CRM criteria (CRM ist aktiviert / nicht aktiviert, CRM-Status,
// Umsatzgruppe) that stay applied on the next "Anwenden", and the CRM columns; with and without
// JavaScript. A user without crm sees none of it, not in the HTML nor in the server component payload.
import { expect, test, type Page } from '@playwright/test';
import { insertLookup, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { TicketListPage } from './pages/ticket-pages';
import { DEMO, signIn, unique } from './support';

type CrmTickets = { statusId: number; status: string; active: string; inactive: string };

/** A new CRM-Status on two tickets: one with CRM on and an Umsatzpotenzial, one with CRM off since. */
function ticketsWithNewStatus(): CrmTickets {
  const status = unique('Angebot verhandelt');
  const statusId = insertLookup('crmTicketStatuses', status);
  const numberOf = (id: number) => withDb((db) => db.prepare('select number from tickets where id = ?').pluck().get(id) as string);
  const active = ticketWithoutCrm();
  withDb((db) =>
    db.prepare('update tickets set crm_enabled = 1, crm_status_id = ?, potential_cents = 1234500 where id = ?').run(statusId, active.id),
  );
  const inactive = ticketWithoutCrm();
  withDb((db) => db.prepare('update tickets set crm_enabled = 0, crm_status_id = ? where id = ?').run(statusId, inactive.id));
  return { statusId, status, active: numberOf(active.id), inactive: numberOf(inactive.id) };
}

async function apply(page: Page, list: TicketListPage, values: { crm?: string; check?: string[]; uncheck?: string[] }): Promise<void> {
  const form = list.filters();
  if (values.crm) await form.getByLabel('CRM', { exact: true }).selectOption({ label: values.crm });
  for (const name of values.check ?? []) await form.getByRole('checkbox', { name, exact: true }).check();
  for (const name of values.uncheck ?? []) await form.getByRole('checkbox', { name, exact: true }).uncheck();
  await form.getByRole('button', { name: 'Anwenden' }).click();
  await expect(page).toHaveURL(/\/tickets\?/);
}

for (const javaScriptEnabled of [true, false]) {
  test(`a CRM user sees and keeps the CRM criteria of /tickets and its CRM columns (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, DEMO.crm);
    const data = ticketsWithNewStatus();
    const list = new TicketListPage(page);
    await list.goto(`?crm=on&crmStatus=${data.statusId}`);

    // The criteria of the URL stand in the form.
    await expect(list.filters().getByLabel('CRM', { exact: true })).toHaveValue('on');
    await expect(list.filters().getByRole('checkbox', { name: data.status, exact: true })).toBeChecked();
    await expect(list.table().getByRole('columnheader', { name: 'CRM-Status' })).toBeVisible();
    await expect(list.table().getByRole('columnheader', { name: 'Umsatzpotenzial' })).toBeVisible();
    await expect(list.table().getByRole('row')).toHaveCount(2);
    await expect(list.row(data.active)).toContainText(data.status);
    await expect(list.row(data.active)).toContainText('12.345,00 €');

    // "Anwenden" keeps them: the same single ticket.
    await apply(page, list, {});
    expect(new URL(page.url()).searchParams.getAll('crmStatus')).toEqual([String(data.statusId)]);
    expect(new URL(page.url()).searchParams.get('crm')).toBe('on');
    await expect(list.table().getByRole('row')).toHaveCount(2);
    await expect(list.row(data.active)).toBeVisible();

    // CRM ist nicht aktiviert: the other ticket, its status kept and marked.
    await apply(page, list, { crm: 'CRM ist nicht aktiviert' });
    await expect(list.table().getByRole('row')).toHaveCount(2);
    await expect(list.row(data.inactive)).toContainText(`${data.status} (CRM ist nicht aktiviert)`);
    await expect(list.filters().getByRole('checkbox', { name: data.status, exact: true })).toBeChecked();

    // Without the status, other tickets with CRM off show too.
    await apply(page, list, { uncheck: [data.status] });
    await expect(list.filters().getByLabel('CRM', { exact: true })).toHaveValue('off');
    await expect(list.row(data.active)).toHaveCount(0);
    await context.close();
  });
}

test('a CRM-Status id that names no entry is reported and not applied', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const list = new TicketListPage(page);
  await list.goto('?crmStatus=99999999');
  await expect(list.problems()).toHaveText(['Der Wert „99999999“ für „crmStatus“ ist ungültig und wurde ignoriert.']);
  await expect(list.filters().getByRole('group', { name: 'CRM-Status' }).getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(list.table().getByRole('row')).not.toHaveCount(1);
});

test('a user without crm gets no CRM control, column or value on /tickets, not even in the RSC payload', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const data = ticketsWithNewStatus();
  const url = `/tickets?crm=on&crmStatus=${data.statusId}&q=${data.active}`;
  const list = new TicketListPage(page);
  await list.goto(url.slice('/tickets'.length));
  await expect(list.problems()).toHaveCount(2);
  await expect(list.problems().filter({ hasText: 'CRM-Kriterien („crmStatus“)' })).toBeVisible();
  // The text search applies, the CRM criteria do not; the row shows no CRM value.
  await expect(list.row(data.active)).toBeVisible();
  await expect(list.filters().getByLabel('CRM', { exact: true })).toHaveCount(0);
  await expect(list.table().getByRole('columnheader', { name: 'CRM-Status' })).toHaveCount(0);

  const html = await page.request.get(url);
  const payload = await page.request.get(url, { headers: { RSC: '1' } });
  expect(payload.headers()['content-type']).toContain('text/x-component');
  for (const body of [await html.text(), await payload.text()]) {
    expect(body).toContain(data.active);
    for (const secret of [data.status, 'CRM-Status', 'Umsatzpotenzial', 'CRM ist aktiviert', '12.345,00', '1234500'])
      expect(body).not.toContain(secret);
  }
});
