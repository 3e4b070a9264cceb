// /crm/outcomes in the browser: a crm user sees win rates and calibration for the dashboard's
// filters, changes the row key with the form (with and without JavaScript) and keeps the filters,
// and goes back to the dashboard with them; a plain user gets 403.
import { expect, test, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { DEMO, signIn } from './support';

type Decided = { won: number; lost: number };

/** How many CRM tickets are won and lost, of one Bearbeiter or of all. */
function decided(assigneeId?: number): Decided {
  return withDb((db) => {
    const row = db
      .prepare(
        `select coalesce(sum(s.phase = 'won'), 0) as won, coalesce(sum(s.phase = 'lost'), 0) as lost
         from tickets t join crm_ticket_statuses s on s.id = t.crm_status_id
         where t.crm_enabled = 1 and (? is null or t.assignee_id = ?)`,
      )
      .get(assigneeId ?? null, assigneeId ?? null) as Decided;
    return row;
  });
}

/** The Bearbeiter with the most won or lost CRM tickets. */
function busiestDecider(): { id: number; name: string } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select u.id as id, u.name as name from tickets t join crm_ticket_statuses s on s.id = t.crm_status_id
           join users u on u.id = t.assignee_id
           where t.crm_enabled = 1 and s.phase <> 'open' group by u.id order by count(*) desc, u.id limit 1`,
        )
        .get() as { id: number; name: string },
  );
}

const integer = (value: number) => value.toLocaleString('de-DE');

class OutcomesPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/crm/outcomes${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Abschlussquote und Kalibrierung' })).toBeVisible();
  }

  param(name: string): string[] {
    return new URL(this.page.url()).searchParams.getAll(name);
  }

  async showRowsBy(label: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Ansicht' });
    await form.getByLabel('Zeilen nach').selectOption({ label });
    await form.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: `Abschlussquote: ${label}` })).toBeVisible();
  }

  winRates() {
    return this.page.getByRole('table', { name: /^Abschlussquote:/ });
  }

  /** The won and lost counts of a row of the win-rate table (its first two figures). */
  async expectRow(name: string, { won, lost }: Decided): Promise<void> {
    const row = this.winRates().getByRole('row', { name: new RegExp(`^${name}\\b`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(integer(won));
    await expect(row.getByRole('cell').nth(1)).toHaveText(integer(lost));
  }

  /** The calibration's tickets, bands and "ohne Abschlusschance" together. */
  async calibrationTickets(): Promise<number> {
    const table = this.page.getByRole('table', { name: 'Kalibrierung der Abschlusschance' });
    await expect(table.getByRole('row')).toHaveCount(12);
    const counts = await table
      .locator('tbody tr, tfoot tr')
      .evaluateAll((rows) => rows.map((row) => Number((row.querySelector('td')?.textContent ?? '0').replace(/\./g, ''))));
    return counts.reduce((sum, n) => sum + n, 0);
  }
}

async function changeRowKeysKeepingFilters(page: Page, { javaScript }: { javaScript: boolean }) {
  const assignee = busiestDecider();
  const mine = decided(assignee.id);
  const all = decided();
  expect(mine.won + mine.lost).toBeGreaterThan(0);
  expect(mine.won + mine.lost).toBeLessThan(all.won + all.lost);
  await signIn(page, DEMO.crm);
  const outcomes = new OutcomesPage(page);

  // Without filters: every won and lost CRM ticket, rows by Bearbeiter.
  await outcomes.goto();
  await expect(page.getByRole('heading', { level: 2, name: 'Abschlussquote: Ticket-Bearbeiter' })).toBeVisible();
  await outcomes.expectRow('Gesamt', all);
  expect(await outcomes.calibrationTickets()).toBe(all.won + all.lost);

  // With the dashboard's Bearbeiter filter; the form keeps it through every change of the row key.
  await outcomes.goto(`?assignee=${assignee.id}&groupBy=product`);
  await outcomes.expectRow('Gesamt', mine);
  await outcomes.expectRow(assignee.name, mine);
  // With JavaScript the form navigates within the page: a mark set now survives every change.
  if (javaScript) await page.evaluate(() => Object.assign(window, { outcomesMark: true }));
  await outcomes.showRowsBy('CRM-Ticketstatus');
  expect(outcomes.param('row')).toEqual(['crmStatus']);
  expect(outcomes.param('assignee')).toEqual([String(assignee.id)]);
  await outcomes.expectRow('Gesamt', mine);
  if (mine.won > 0) await outcomes.expectRow('Gewonnen', { won: mine.won, lost: 0 });
  if (mine.lost > 0) await outcomes.expectRow('Verloren', { won: 0, lost: mine.lost });
  await outcomes.showRowsBy('Produkte');
  expect(outcomes.param('row')).toEqual(['product']);
  expect(outcomes.param('assignee')).toEqual([String(assignee.id)]);
  await outcomes.expectRow('Gesamt', mine);
  expect(await outcomes.calibrationTickets()).toBe(mine.won + mine.lost);
  if (javaScript) expect(await page.evaluate(() => 'outcomesMark' in window)).toBe(true);

  // Back to the dashboard with the same filters and grouping.
  await page.getByRole('link', { name: /Zurück zum CRM Dashboard/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CRM Dashboard' })).toBeVisible();
  const back = new URL(page.url());
  expect(back.pathname).toBe('/crm');
  expect(back.searchParams.getAll('assignee')).toEqual([String(assignee.id)]);
  expect(back.searchParams.getAll('groupBy')).toEqual(['product']);
  expect(back.searchParams.has('row')).toBe(false);
}

test('with JavaScript a crm user changes the row key and keeps the dashboard filters', async ({ page }) => {
  await changeRowKeysKeepingFilters(page, { javaScript: true });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the row-key form and the link back work the same', async ({ page }) => {
    await changeRowKeysKeepingFilters(page, { javaScript: false });
  });

  test('a phase choice of only open tickets says why nothing is shown; a bad row key is named', async ({ page }) => {
    await signIn(page, DEMO.crm);
    const outcomes = new OutcomesPage(page);
    await outcomes.goto('?phase=open&row=nonsense');
    await expect(page.getByRole('status')).toContainText('offene Tickets haben noch kein Ergebnis');
    await expect(page.getByRole('alert')).toContainText('Zeilen nach');
    await expect(page.getByText('Keine gewonnenen oder verlorenen CRM-Tickets passen zu diesen Filtern.')).toBeVisible();
  });
});

test('a user without crm gets 403 on /crm/outcomes', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const refused = await page.goto('/crm/outcomes?row=product');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  await expect(page.getByText('Abschlussquote')).toHaveCount(0);
});
