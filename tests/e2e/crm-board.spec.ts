// The pipeline board in the browser (SPEC section 16): a card dragged to another column, moved by
// keyboard, and moved without JavaScript by its "Verschieben nach" select and button, twice on one
// page; a lost target asks for the Verlustgrund; a second user's stale move is refused naming the
// first; a plain user gets 403. Each test arranges its own partner and tickets and narrows the board
// to that partner (the dashboard's filter), so the columns hold only them.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { SESSION_COOKIE, sessionToken } from './sessions';
import { DEMO, unique } from './support';

type Arranged = {
  partner: number;
  url: string;
  open1: string;
  open2: string;
  lost: string;
  reason: string;
  tickets: Record<'a' | 'b' | 'c', number>;
};

function arrange(): Arranged {
  return withDb((db) => {
    const status = (phase: string, offset = 0) =>
      db
        .prepare('select id, name from crm_ticket_statuses where phase = ? and archived = 0 order by position limit 1 offset ?')
        .get(phase, offset) as {
        id: number;
        name: string;
      };
    const [open1, open2, lost] = [status('open'), status('open', 1), status('lost')];
    const reason = db.prepare('select id, name from lost_reasons where archived = 0 order by position limit 1').get() as {
      id: number;
      name: string;
    };
    const gpid = (db.prepare('select max(gpid) from partners').pluck().get() as number) + 1;
    const partner = Number(
      db.prepare('insert into partners (gpid, name) values (?, ?)').run(gpid, unique('Board Partner')).lastInsertRowid,
    );
    const insert = db.prepare(
      `insert into tickets (number, title, status, partner_id, crm_enabled, crm_status_id, lost_reason_id, potential_cents, probability, expected_close)
       values (?, ?, 'open', ?, 1, ?, ?, ?, ?, ?)`,
    );
    const ticket = (
      title: string,
      statusId: number,
      cents: number,
      probability: number,
      close: string | null,
      reasonId: number | null = null,
    ) => Number(insert.run(unique('B'), title, partner, statusId, reasonId, cents, probability, close).lastInsertRowid);
    const tickets = {
      a: ticket('Karte A', open1.id, 300_000_00, 50, '2027-01-31'),
      b: ticket('Karte B', open1.id, 100_000_00, 20, null),
      c: ticket('Karte C', open2.id, 200_000_00, 80, '2027-03-15'),
    };
    ticket('Karte D', lost.id, 50_000_00, 0, null, reason.id);
    return {
      partner,
      url: `/crm/board?partner=${partner}`,
      open1: open1.name,
      open2: open2.name,
      lost: lost.name,
      reason: reason.name,
      tickets,
    };
  });
}

const ticketRow = (id: number) =>
  withDb(
    (db) =>
      db
        .prepare(
          'select crm_status_id as statusId, lost_reason_id as reasonId, assignee_id as assigneeId, expected_close as close from tickets where id = ?',
        )
        .get(id) as {
        statusId: number | null;
        reasonId: number | null;
        assigneeId: number | null;
        close: string | null;
      },
  );

async function signedIn(browser: Browser, baseURL: string, email: string, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(email), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

class Board {
  constructor(readonly page: Page) {}

  column(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  card(title: string): Locator {
    return this.page.locator('[data-card]').filter({ hasText: title });
  }

  /** Until the cards can be dragged (the page's script has started). */
  async draggable(): Promise<void> {
    await this.page.locator('[data-sortable="on"]').waitFor();
  }

  /** Drags a card by its figures line (its first line starts with the link to the ticket) into a column. */
  async drag(title: string, column: string): Promise<void> {
    await this.card(title).locator('p').nth(2).dragTo(this.column(column).locator('[data-cards]'));
  }

  async count(name: string): Promise<string> {
    return (await this.column(name).locator('dd').first().innerText()).trim();
  }

  async titles(name: string): Promise<string[]> {
    return (await this.column(name).locator('[data-card] p:first-child').allInnerTexts()).map((text) => text.replace(/^\S+\s+/, '')).sort();
  }

  async moveBySelect(title: string, target: string): Promise<void> {
    const card = this.card(title);
    await card.getByLabel('Verschieben nach').selectOption({ label: target });
    await card.getByRole('button', { name: 'Verschieben' }).click();
  }
}

test('with JavaScript: a card dragged to another column moves there and the column totals follow, without a reload', async ({
  browser,
  baseURL,
}) => {
  const arranged = arrange();
  const context = await signedIn(browser, baseURL!, DEMO.crm);
  const page = await context.newPage();
  await page.goto(arranged.url);
  const board = new Board(page);
  await board.draggable();
  expect(await board.count(arranged.open1)).toBe('2');
  expect(await board.count(arranged.open2)).toBe('1');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  await board.drag('Karte A', arranged.open2);
  await expect(board.column(arranged.open2).locator('[data-card]').filter({ hasText: 'Karte A' })).toBeVisible();
  await expect.poll(() => board.count(arranged.open1)).toBe('1');
  expect(await board.count(arranged.open2)).toBe('2');
  expect(ticketRow(arranged.tickets.a).statusId).not.toBeNull();
  // The same page: no reload happened.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  // By keyboard: focus the card's select, choose, press the button with Enter.
  const select = board.card('Karte B').getByLabel('Verschieben nach');
  await select.focus();
  await select.selectOption({ label: arranged.open2 });
  await page.keyboard.press('Tab');
  await expect(board.card('Karte B').getByRole('button', { name: 'Verschieben' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.column(arranged.open1)).toHaveCount(0);
  // The focus stays with the moved card, now in its new column.
  await expect(
    board.column(arranged.open2).locator('[data-card]').filter({ hasText: 'Karte B' }).getByLabel('Verschieben nach'),
  ).toBeFocused();
  expect(await board.titles(arranged.open2)).toEqual(['Karte A', 'Karte B', 'Karte C']);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await context.close();
});

test('with JavaScript: a card dragged into a lost status asks for the Verlustgrund, then moves', async ({ browser, baseURL }) => {
  const arranged = arrange();
  const context = await signedIn(browser, baseURL!, DEMO.crm);
  const page = await context.newPage();
  await page.goto(arranged.url);
  const board = new Board(page);
  await board.draggable();
  await board.drag('Karte C', arranged.lost);
  await expect(page.locator('p[role=alert]')).toContainText('Verlustgrund');
  const card = board.card('Karte C');
  await expect(card.getByLabel(/Verlustgrund/)).toBeVisible();
  expect(ticketRow(arranged.tickets.c).reasonId).toBeNull();
  await card.getByLabel(/Verlustgrund/).selectOption({ label: arranged.reason });
  await card.getByRole('button', { name: 'Verschieben' }).click();
  await expect(board.column(arranged.lost).locator('[data-card]').filter({ hasText: 'Karte C' })).toBeVisible();
  await expect.poll(() => ticketRow(arranged.tickets.c).reasonId).not.toBeNull();
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a card moves by its select and button, then another on the same page; a month move keeps the day', async ({ browser, baseURL }) => {
    const arranged = arrange();
    const context = await signedIn(browser, baseURL!, DEMO.crm, false);
    const page = await context.newPage();
    await page.goto(arranged.url);
    const board = new Board(page);
    await board.moveBySelect('Karte A', arranged.open2);
    await expect(page.getByRole('status')).toContainText('Ticket verschoben');
    expect(await board.titles(arranged.open2)).toEqual(['Karte A', 'Karte C']);
    expect(await board.count(arranged.open1)).toBe('1');
    // A lost target without a Verlustgrund: asked for, nothing moved, then moved with one.
    await board.moveBySelect('Karte B', arranged.lost);
    await expect(page.locator('p[role=alert]')).toContainText('Verlustgrund');
    expect(await board.titles(arranged.open1)).toEqual(['Karte B']);
    await board
      .card('Karte B')
      .getByLabel(/Verlustgrund/)
      .selectOption({ label: arranged.reason });
    await board.card('Karte B').getByRole('button', { name: 'Verschieben' }).click();
    await expect(page.getByRole('status')).toContainText('Ticket verschoben');
    expect(await board.titles(arranged.lost)).toEqual(['Karte B', 'Karte D']);

    // Columns by month: Karte B (no date) into January takes its last day, Karte C (15 March) keeps its day.
    await page.goto(`${arranged.url}&column=closeMonth`);
    await board.moveBySelect('Karte B', 'Januar 2027');
    await expect(page.getByRole('status')).toContainText('Ticket verschoben');
    expect(ticketRow(arranged.tickets.b).close).toBe('2027-01-31');
    await expect(board.card('Karte B')).toContainText('31.01.2027');
    await board.moveBySelect('Karte C', 'Januar 2027');
    await expect(board.card('Karte C')).toContainText('15.01.2027');
    expect(ticketRow(arranged.tickets.c).close).toBe('2027-01-15');
    expect(await board.titles('Januar 2027')).toEqual(['Karte A', 'Karte B', 'Karte C']);
    await context.close();
  });
});

test('two browsers: the second user’s stale move is refused naming the first, and the card shows where it is now', async ({
  browser,
  baseURL,
}) => {
  const arranged = arrange();
  const first = await signedIn(browser, baseURL!, DEMO.admin);
  const second = await signedIn(browser, baseURL!, DEMO.crm);
  const [pageA, pageB] = [await first.newPage(), await second.newPage()];
  await pageA.goto(arranged.url);
  await pageB.goto(arranged.url);
  const [boardA, boardB] = [new Board(pageA), new Board(pageB)];
  await boardA.moveBySelect('Karte A', arranged.open2);
  await expect(boardA.column(arranged.open2).locator('[data-card]').filter({ hasText: 'Karte A' })).toBeVisible();
  const admin = withDb((db) => db.prepare('select name from users where email = ?').pluck().get(DEMO.admin) as string);

  await boardB.moveBySelect('Karte A', arranged.lost);
  await expect(pageB.locator('p[role=alert]')).toContainText(admin);
  await expect(boardB.column(arranged.open2).locator('[data-card]').filter({ hasText: 'Karte A' })).toBeVisible();
  expect(ticketRow(arranged.tickets.a).reasonId).toBeNull();
  await first.close();
  await second.close();
});

test('a plain user gets 403 and sees no card', async ({ browser, baseURL }) => {
  const arranged = arrange();
  const context = await signedIn(browser, baseURL!, DEMO.agent);
  const page = await context.newPage();
  const response = await page.goto(arranged.url);
  expect(response?.status()).toBe(403);
  await expect(page.locator('[data-card]')).toHaveCount(0);
  await context.close();
});
