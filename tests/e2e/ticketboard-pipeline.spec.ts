// The ticket board's pipeline criteria in the browser: a CRM user builds "Schließt in 30 Tagen" and
// "Überfällig" with the query form (with and without JavaScript) and sees exactly the right tickets;
// a user without crm gets no such fields, and a crafted URL or form field filters nothing.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { addDays } from '@/lib/csv/berlin-calendar';
import { berlinToday } from '@/lib/tickets/pipeline-criteria';
import { withDb } from './pages/crm-pages';
import { alertWith } from './pages/partner-pages';
import { TicketboardPage } from './pages/ticketboard-page';
import { SESSION_COOKIE, createTestUser, sessionToken } from './sessions';
import { DEMO, unique } from './support';

type Case = 'dueOpen' | 'dueWon' | 'overdueOpen' | 'overdueLost' | 'later' | 'noCrm' | 'noDate';

/** One ticket per case, newest of all (so on every board column's first page), titled `<prefix> <case>`. */
function arrangeTickets(prefix: string): void {
  const today = berlinToday();
  withDb((db) => {
    const status = (phase: string) =>
      db
        .prepare('select id from crm_ticket_statuses where phase = ? and archived = 0 order by position limit 1')
        .pluck()
        .get(phase) as number;
    const partner = db.prepare('select id from partners order by id limit 1').pluck().get() as number;
    const cases: [Case, number, number | null, string | null][] = [
      ['dueOpen', 1, status('open'), addDays(today, 10)],
      ['dueWon', 1, status('won'), addDays(today, 30)],
      ['overdueOpen', 1, null, addDays(today, -3)],
      ['overdueLost', 1, status('lost'), addDays(today, -3)],
      ['later', 1, status('open'), addDays(today, 31)],
      ['noCrm', 0, null, addDays(today, 5)],
      ['noDate', 1, status('open'), null],
    ];
    const insert = db.prepare(
      `insert into tickets (number, title, status, partner_id, crm_enabled, crm_status_id, expected_close, created_at, updated_at)
       values (?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
    );
    const now = Date.now() + 60_000;
    cases.forEach(([name, crm, statusId, close], index) =>
      insert.run(unique('P'), `${prefix} ${name}`, partner, crm, statusId, close, now + index, now + index),
    );
  });
}

async function signedIn(browser: Browser, baseURL: string, email: string, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(email), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The cases among `prefix`'s tickets that a board column shows. */
async function shownCases(board: TicketboardPage, column: string, prefix: string): Promise<string[]> {
  const titles = await board.column(column).locator('.board-card-title').allInnerTexts();
  return titles
    .filter((title) => title.startsWith(`${prefix} `))
    .map((title) => title.slice(prefix.length + 1))
    .sort();
}

async function createWindowQueries(page: Page, prefix: string): Promise<{ within: string; overdue: string }> {
  const board = new TicketboardPage(page);
  const within = `Schließt in 30 Tagen ${prefix}`;
  await board.createQuery(within, (form) => form.getByLabel('Schließt in den nächsten … Tagen').fill('30'));
  const overdue = `Überfällig ${prefix}`;
  await board.createQuery(overdue, (form) => form.getByRole('checkbox', { name: /^Überfällig/ }).check());
  return { within, overdue };
}

for (const javaScriptEnabled of [true, false]) {
  test(`a CRM user builds "Schließt in 30 Tagen" and "Überfällig" and sees the right tickets (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const prefix = unique(javaScriptEnabled ? 'Pipeline' : 'PipelineNoJs');
    arrangeTickets(prefix);
    const user = createTestUser('Vertrieb', ['crm']);
    const context = await signedIn(browser, baseURL!, user.email, javaScriptEnabled);
    const page = await context.newPage();
    const board = new TicketboardPage(page);

    const { within, overdue } = await createWindowQueries(page, prefix);
    await expect(board.column(within).getByRole('link', { name: within, exact: true })).toHaveAttribute('href', '/tickets?closeWithin=30');
    await expect.poll(() => shownCases(board, within, prefix)).toEqual(['dueOpen', 'dueWon']);
    await expect.poll(() => shownCases(board, overdue, prefix)).toEqual(['overdueOpen']);

    // Narrowed to the open phase on its edit form: the won deal leaves the column.
    await board
      .column(within)
      .getByRole('link', { name: `Bearbeiten: ${within}` })
      .click();
    const edit = page.getByRole('form', { name: `Abfrage bearbeiten: ${within}` });
    await expect(edit.getByLabel('Schließt in den nächsten … Tagen')).toHaveValue('30');
    await edit.getByRole('group', { name: 'Phase' }).getByRole('checkbox', { name: 'Offen' }).check();
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await expect(page).toHaveURL(/\/ticketboard$/);
    await expect.poll(() => shownCases(board, within, prefix)).toEqual(['dueOpen']);

    // The column's list shows the same, and its filter form keeps the criteria.
    await board.column(within).getByRole('link', { name: within, exact: true }).click();
    await expect(page).toHaveURL(/\/tickets\?crmPhase=open&closeWithin=30$/);
    const filters = page.getByRole('form', { name: 'Filter' });
    await expect(filters.getByLabel('Schließt in den nächsten … Tagen')).toHaveValue('30');
    await expect(filters.getByRole('group', { name: 'Phase' }).getByRole('checkbox', { name: 'Offen' })).toBeChecked();
    const rows = page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: prefix });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(`${prefix} dueOpen`);
    await context.close();
  });
}

test('an invalid window is named on the form and nothing is saved; what was typed stays', async ({ browser, baseURL }) => {
  const user = createTestUser('Vertrieb', ['crm']);
  const context = await signedIn(browser, baseURL!, user.email);
  const page = await context.newPage();
  const board = new TicketboardPage(page);
  const form = await board.openNewQuery();
  const name = unique('Zu weit');
  await form.getByLabel('Name der Abfrage').fill(name);
  // The browser's own number check is left out, as a hand-written request would.
  await form.evaluate((element) => element.setAttribute('novalidate', ''));
  await form.getByLabel('Schließt in den nächsten … Tagen').fill('4000');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByText('Ungültiger Wert.')).toBeVisible();
  await expect(form.getByLabel('Name der Abfrage')).toHaveValue(name);
  await expect(form.getByLabel('Schließt in den nächsten … Tagen')).toHaveValue('4000');
  await board.goto();
  await expect(board.column(name)).toHaveCount(0);
  await context.close();
});

test('a user without crm gets no pipeline fields; a crafted form field is refused and a crafted URL filters nothing', async ({
  browser,
  baseURL,
}) => {
  const prefix = unique('Verboten');
  arrangeTickets(prefix);
  const context = await signedIn(browser, baseURL!, DEMO.agent);
  const page = await context.newPage();
  const board = new TicketboardPage(page);
  const form = await board.openNewQuery();
  await expect(form.getByLabel('Name der Abfrage')).toBeVisible();
  for (const text of ['Phase', 'Schließt in den nächsten', 'Überfällig']) await expect(form.getByText(text)).toHaveCount(0);

  const name = unique('Heimlich');
  await form.getByLabel('Name der Abfrage').fill(name);
  await form.evaluate((element) => {
    const input = document.createElement('input');
    Object.assign(input, { type: 'hidden', name: 'overdue', value: '1' });
    element.appendChild(input);
  });
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(alertWith(form, 'stehen nur CRM-Benutzern zur Verfügung')).toBeVisible();
  await board.goto();
  await expect(board.column(name)).toHaveCount(0);

  // Every one of the arranged tickets is listed, as without the parameters, and each is named as not applied.
  await page.goto(`/tickets?q=${encodeURIComponent(prefix)}&crmPhase=won&closeWithin=30&overdue=1`);
  for (const param of ['crmPhase', 'closeWithin', 'overdue']) await expect(alertWith(page, `„${param}“`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: prefix })).toHaveCount(7);
  await expect(page.getByText('Schließt in den nächsten')).toHaveCount(0);
  await context.close();
});
