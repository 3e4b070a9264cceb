// Bulk changes in the browser (SPEC section 16), with and without JavaScript: a crm user opens "Alle N
// Tickets ändern" for chosen tickets, sends a bad value (message, value kept, nothing changed), chooses
// a good one, confirms it, finds it in /crm/changes; one ticket is then changed on its own page; undo
// restores the others and reports that one as skipped. A plain user gets 403.
import { expect, test, type Page } from '@playwright/test';
import { TicketCrmPanel, withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

/** Three CRM tickets of their own, at Abschlusschance 10 %, and the ids. */
function createTickets(): number[] {
  return withDb((db) =>
    db.transaction(() => {
      const status = db
        .prepare("select id from crm_ticket_statuses where phase = 'open' and archived = 0 order by position limit 1")
        .pluck()
        .get();
      const insert = db.prepare(
        'insert into tickets (number, title, crm_enabled, crm_status_id, probability, potential_cents) values (?, ?, 1, ?, 10, 100000)',
      );
      return [1, 2, 3].map((index) =>
        Number(insert.run(unique(`B${index}`).slice(0, 30), unique(`Sammel ${index}`), status).lastInsertRowid),
      );
    })(),
  );
}

const probabilities = (ids: number[]) =>
  withDb((db) => ids.map((id) => db.prepare('select probability from tickets where id = ?').pluck().get(id) as number | null));

async function changeTogether(page: Page, ids: number[]): Promise<number> {
  await page.goto(`/crm/changes/new?${ids.map((id) => `ticket=${id}`).join('&')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Alle 3 Tickets ändern' })).toBeVisible();

  // A bad value: a clear message, the value kept, nothing changed.
  await page.getByText('Abschlusschance setzen', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Abschlusschance setzen' });
  await form.getByLabel('Abschlusschance (%)').fill('200');
  await form.getByRole('button', { name: 'Weiter' }).click();
  const again = page.getByRole('form', { name: 'Abschlusschance setzen' });
  await expect(again.getByText('Bitte eine ganze Zahl von 0 bis 100 angeben.')).toBeVisible();
  await expect(again.getByLabel('Abschlusschance (%)')).toHaveValue('200');
  expect(probabilities(ids)).toEqual([10, 10, 10]);

  await again.getByLabel('Abschlusschance (%)').fill('60');
  await again.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Änderung bestätigen' })).toBeVisible();
  await expect(page.getByText('Abschlusschance → 60 % für 3 Tickets')).toBeVisible();
  expect(probabilities(ids)).toEqual([10, 10, 10]);
  await page.getByRole('button', { name: 'Jetzt ändern' }).click();

  await expect(page).toHaveURL(/\/crm\/changes\?applied=\d+$/);
  await expect(page.getByRole('status')).toContainText('Geändert: 3 von 3 Tickets');
  expect(probabilities(ids)).toEqual([60, 60, 60]);
  return Number(new URL(page.url()).searchParams.get('applied'));
}

async function undoWithOneChangedBetween(page: Page, ids: number[], bulkId: number): Promise<void> {
  // Another page changes one of the tickets in between.
  const other = await page.context().newPage();
  const panel = new TicketCrmPanel(other);
  await panel.goto(ids[1]);
  await panel.fill({ probability: '75' });
  await panel.save();
  await expect(panel.saved()).toBeVisible();
  await other.close();
  expect(probabilities(ids)).toEqual([60, 75, 60]);

  const row = page.locator(`#bulk-${bulkId}`);
  await expect(row).toContainText('Abschlusschance → 60 %');
  await expect(row).toContainText('3 (3 geändert)');
  await row.getByRole('link', { name: /rückgängig machen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sammeländerung rückgängig machen' })).toBeVisible();
  await page.getByRole('button', { name: 'Rückgängig machen bestätigen' }).click();

  await expect(page).toHaveURL(new RegExp(`/crm/changes\\?undone=${bulkId}$`));
  await expect(page.getByRole('status')).toContainText('2 wiederhergestellt, 1 übersprungen (inzwischen von');
  expect(probabilities(ids)).toEqual([10, 75, 10]);
  await expect(page.locator(`#bulk-${bulkId}`)).toContainText('rückgängig gemacht');
  await expect(page.locator(`#bulk-${bulkId}`).getByRole('link', { name: /rückgängig machen/ })).toHaveCount(0);

  // Undo once only: the confirmation now says so and offers nothing.
  await page.goto(`/crm/changes/${bulkId}/undo`);
  await expect(page.getByRole('status')).toContainText('bereits rückgängig gemacht');
  await expect(page.getByRole('button', { name: 'Rückgängig machen bestätigen' })).toHaveCount(0);
}

test.describe('with JavaScript', () => {
  test('change chosen tickets, confirm, undo with one changed in between', async ({ page }) => {
    const ids = createTickets();
    await signIn(page, DEMO.crm);
    const bulkId = await changeTogether(page, ids);
    await undoWithOneChangedBetween(page, ids, bulkId);
  });

  test('a dashboard group: the count of the view and its CRM-Status set', async ({ page }) => {
    await signIn(page, DEMO.crm);
    const ids = createTickets();
    const [status, target] = withDb(
      (db) =>
        db.prepare("select id, name from crm_ticket_statuses where phase = 'open' and archived = 0 order by position limit 2").all() as {
          id: number;
          name: string;
        }[],
    );
    const count = withDb(
      (db) => db.prepare('select count(*) from tickets where crm_enabled = 1 and crm_status_id = ?').pluck().get(status.id) as number,
    );
    await page.goto(`/crm/changes/new?groupBy=crmStatus&open=${status.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Alle ${count.toLocaleString('de-DE')} Tickets ändern` })).toBeVisible();
    await page.getByText('CRM-Status setzen', { exact: true }).click();
    const form = page.getByRole('form', { name: 'CRM-Status setzen' });
    await form.getByLabel('CRM-Status').selectOption({ label: target.name });
    await form.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByText(`CRM-Status → ${target.name} für ${count.toLocaleString('de-DE')} Tickets`)).toBeVisible();
    await page.getByRole('button', { name: 'Jetzt ändern' }).click();
    await expect(page.getByRole('status')).toContainText(`Geändert: ${count.toLocaleString('de-DE')} von`);
    const bulkId = Number(new URL(page.url()).searchParams.get('applied'));
    expect(withDb((db) => ids.map((id) => db.prepare('select crm_status_id from tickets where id = ?').pluck().get(id)))).toEqual(
      ids.map(() => target.id),
    );
    // Put the demo data back for the specs after this one.
    await page
      .locator(`#bulk-${bulkId}`)
      .getByRole('link', { name: /rückgängig machen/ })
      .click();
    await page.getByRole('button', { name: 'Rückgängig machen bestätigen' }).click();
    await expect(page.getByRole('status')).toContainText(`${count.toLocaleString('de-DE')} wiederhergestellt`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same flow: choose, confirm, undo with one changed in between', async ({ page }) => {
    const ids = createTickets();
    await signIn(page, DEMO.crm);
    const bulkId = await changeTogether(page, ids);
    await undoWithOneChangedBetween(page, ids, bulkId);
  });

  test('from the dashboard list: none chosen changes nothing, two chosen are two; from a board column: its tickets', async ({ page }) => {
    const ids = createTickets();
    // A Benutzeranzahl no demo ticket has: a view of exactly these three.
    withDb((db) => db.prepare(`update tickets set expected_users = 987654 where id in (${ids.join(',')})`).run());
    const numbers = withDb((db) => ids.map((id) => db.prepare('select number from tickets where id = ?').pluck().get(id) as string));
    const view = 'usersFrom=987654&usersTo=987654';
    await signIn(page, DEMO.crm);

    await page.goto(`/crm?${view}&groupBy=none&view=list`);
    await page.getByRole('button', { name: 'Ausgewählte Tickets ändern' }).click();
    await expect(page.getByText('Diese Auswahl enthält keine CRM-Tickets.')).toBeVisible();
    await page.goBack();
    await page.getByRole('checkbox', { name: `${numbers[0]} auswählen` }).check();
    await page.getByRole('checkbox', { name: `${numbers[2]} auswählen` }).check();
    await page.getByRole('button', { name: 'Ausgewählte Tickets ändern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alle 2 Tickets ändern' })).toBeVisible();
    expect(new URL(page.url()).searchParams.getAll('ticket').sort()).toEqual([ids[0], ids[2]].map(String).sort());

    await page.goto(`/crm/board?${view}`);
    await page.getByRole('link', { name: 'Alle 3 Tickets ändern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alle 3 Tickets ändern' })).toBeVisible();
  });
});

test('a user without crm gets 403 on every bulk-change page', async ({ page }) => {
  await signIn(page, DEMO.agent);
  for (const url of ['/crm/changes', '/crm/changes/new?groupBy=crmStatus', '/crm/changes/1/undo']) {
    const answer = await page.goto(url);
    expect(answer?.status(), url).toBe(403);
  }
});
