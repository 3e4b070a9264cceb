// The frame around every page (issue 17, points 3, 7 and 9): nothing wider than a phone's screen,
// tables that scroll in their own box, ticket numbers on one line, a ticket board whose columns stay in
// their own box, a menu button for the navigation on a phone (with and without JavaScript, by
// keyboard), the partner CRM tab's header, page titles in the user's language, and the favicon.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { createTestUser, sessionToken, SESSION_COOKIE, type TestUser } from './sessions';
import { DEMO } from './support';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Records = {
  ticket: { id: number; number: string; title: string };
  partner: { id: number; name: string; gpid: number; street: string; city: string };
  contact: { id: number; name: string };
  dashboard: string;
};

/** Demo records that show each page in full: a CRM ticket with partner, contact and product. */
function records(): Records {
  return withDb((db) => {
    const ticket = db
      .prepare(
        `select t.id, t.number, t.title, t.partner_id as partnerId, t.contact_id as contactId, t.crm_status_id as statusId, tp.product_id as productId
           from tickets t join ticket_products tp on tp.ticket_id = t.id
          where t.crm_enabled = 1 and t.crm_status_id is not null and t.partner_id is not null and t.contact_id is not null
          order by t.id limit 1`,
      )
      .get() as { id: number; number: string; title: string; partnerId: number; contactId: number; statusId: number; productId: number };
    const partner = db
      .prepare('select id, name, gpid, street, city from partners where id = ?')
      .get(ticket.partnerId) as Records['partner'];
    const contact = db
      .prepare(`select id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) as name from contacts where id = ?`)
      .get(ticket.contactId) as Records['contact'];
    // A small tree (one status, one product), so it opens fully and shows its tickets in tables.
    const dashboard = `/crm?groupBy=crmStatus,product,assignee&crmStatus=${ticket.statusId}&product=${ticket.productId}`;
    return { ticket: { id: ticket.id, number: ticket.number, title: ticket.title }, partner, contact, dashboard };
  });
}

async function contextFor(
  browser: Browser,
  baseURL: string,
  email: string,
  options: { viewport: { width: number; height: number }; javaScriptEnabled?: boolean },
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, locale: 'de-DE' });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(email), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

async function widths(page: Page): Promise<{ document: number; viewport: number }> {
  return page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

/** Ticket numbers ("T-000123") that the browser broke over more than one line. */
async function wrappedTicketNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a')]
      .filter((link) => /^T-\d+$/.test(link.textContent ?? '') && link.getClientRects().length > 1)
      .map((link) => link.textContent ?? ''),
  );
}

test.describe('on a phone (390 px)', () => {
  test('no page is wider than the screen; tables scroll in their own box; ticket numbers stay on one line', async ({
    browser,
    baseURL,
  }) => {
    const { ticket, partner, contact, dashboard } = records();
    const context = await contextFor(browser, baseURL!, DEMO.admin, { viewport: PHONE });
    const page = await context.newPage();
    const pages = [
      '/ticketboard',
      '/tickets',
      `/tickets/${ticket.id}`,
      '/partners',
      `/partners/${partner.id}`,
      `/partners/${partner.id}/crm`,
      '/contacts',
      `/contacts/${contact.id}`,
      dashboard,
      '/crm?view=list',
      '/data-manager',
      '/admin/users',
      '/admin/crm',
    ];
    for (const url of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const { document, viewport } = await widths(page);
      expect(document, `${url} is ${document} px wide`).toBeLessThanOrEqual(viewport);
      expect(await wrappedTicketNumbers(page), `wrapped ticket numbers on ${url}`).toEqual([]);
    }

    // The dashboard's group tables and the ticket list: wider than the screen, they scroll themselves.
    for (const url of [dashboard, '/tickets']) {
      await page.goto(url);
      const table = page
        .getByRole('table')
        .filter({ has: page.getByRole('link', { name: /^T-\d+$/ }) })
        .first();
      await expect(table).toBeVisible();
      const box = await table.evaluate((element) => ({
        scroll: element.scrollWidth,
        client: element.clientWidth,
        right: element.getBoundingClientRect().right,
      }));
      expect(box.scroll, `the table on ${url} scrolls`).toBeGreaterThan(box.client);
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
      await expect(table.getByRole('link', { name: /^T-\d+$/ }).first()).toBeVisible();
    }
    await context.close();
  });

  test('the navigation opens from a menu button, by pointer and by keyboard, and passes axe', async ({ browser, baseURL }) => {
    const context = await contextFor(browser, baseURL!, DEMO.crm, { viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/tickets');
    const header = page.getByRole('banner');
    const menu = header.locator('summary', { hasText: 'Menü' });
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const user = header.locator('summary', { hasText: 'Carl Vertrieb' });
    await expect(menu).toBeVisible();
    await expect(navigation).toBeHidden();
    // Name, menu button and user menu share one line.
    const tops = await Promise.all(
      [header.getByRole('link', { name: 'Ticket-CRM' }), menu, user].map(async (element) => (await element.boundingBox())!.y),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(20);

    await menu.click();
    await expect(navigation).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('header').analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await navigation.getByRole('link', { name: 'Kontakte' }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Kontakte' })).toBeVisible();
    await expect(navigation).toBeHidden();

    // By keyboard: Enter opens it, Tab reaches the links, Escape closes it and returns to the button.
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(navigation).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(navigation.getByRole('link', { name: 'Ticketboard' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(navigation).toBeHidden();
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(navigation.getByRole('link', { name: 'Tickets' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tickets$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
    await expect(navigation).toBeHidden();
    await menu.click();
    await expect(navigation.getByRole('link', { name: 'Tickets' })).toHaveAttribute('aria-current', 'page');
    await context.close();
  });

  test('the menu button opens the navigation without JavaScript too', async ({ browser, baseURL }) => {
    const context = await contextFor(browser, baseURL!, DEMO.crm, { viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/tickets');
    const menu = page.getByRole('banner').locator('summary', { hasText: 'Menü' });
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(navigation).toBeHidden();
    await menu.click();
    await expect(navigation).toBeVisible();
    await navigation.getByRole('link', { name: 'Geschäftspartner' }).click();
    await expect(page).toHaveURL(/\/partners$/);
    await expect(navigation).toBeHidden();
    await menu.click();
    await expect(navigation.getByRole('link', { name: 'Geschäftspartner' })).toHaveAttribute('aria-current', 'page');
    await context.close();
  });
});

test.describe('on a wide screen (1440 px)', () => {
  test('the navigation stands in the header without a menu button', async ({ browser, baseURL }) => {
    const context = await contextFor(browser, baseURL!, DEMO.admin, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto('/tickets');
    await expect(page.getByRole('banner').locator('summary', { hasText: 'Menü' })).toBeHidden();
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(navigation.getByRole('link', { name: 'Benutzerverwaltung' })).toBeVisible();
    await navigation.getByRole('link', { name: 'Kontakte' }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(navigation.getByRole('link', { name: 'Kontakte' })).toHaveAttribute('aria-current', 'page');
    await context.close();
  });

  test('five board columns stand side by side with heads of one height; more scroll inside the board', async ({ browser, baseURL }) => {
    const owner = createTestUser('Spalten', ['crm']);
    const addQuery = (name: string, params: string, position: number) =>
      withDb((db) =>
        db.prepare('insert into queries (owner_id, name, params, position) values (?, ?, ?, ?)').run(owner.id, name, params, position),
      );
    addQuery('Meine offenen Tickets mit einem ziemlich langen Namen', 'status=open&assignee=me', 4);
    const context = await contextFor(browser, baseURL!, owner.email, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto('/ticketboard');
    const board = page.getByRole('list', { name: 'Abfragen', exact: true });
    const columns = board.locator(':scope > li');
    await expect(columns).toHaveCount(5);

    const layout = async () =>
      board.evaluate((list) => {
        const box = list.getBoundingClientRect();
        const items = [...list.querySelectorAll(':scope > li')];
        return {
          board: { left: box.left, right: box.right, scroll: list.scrollWidth, client: list.clientWidth },
          columns: items.map((item) => item.getBoundingClientRect()).map((rect) => ({ left: rect.left, right: rect.right })),
          heads: items.map((item) => item.querySelector('header')!.getBoundingClientRect().height),
          page: document.documentElement.scrollWidth,
        };
      });
    const five = await layout();
    expect(five.page).toBeLessThanOrEqual(DESKTOP.width);
    for (const column of five.columns) {
      expect(column.left).toBeGreaterThanOrEqual(five.board.left - 0.5);
      expect(column.right).toBeLessThanOrEqual(five.board.right + 0.5);
    }
    expect(new Set(five.heads.map((height) => Math.round(height))).size).toBe(1);

    // Two more columns: the board scrolls in its own box, the page does not.
    addQuery('Geparkt bei mir', 'status=parked&assignee=me', 5);
    addQuery('Alles', '', 6);
    await page.reload();
    await expect(columns).toHaveCount(7);
    const seven = await layout();
    expect(seven.page).toBeLessThanOrEqual(DESKTOP.width);
    expect(seven.board.scroll).toBeGreaterThan(seven.board.client);
    const last = columns.last();
    await last.getByRole('heading', { level: 2, name: 'Alles' }).scrollIntoViewIfNeeded();
    await expect(last.getByRole('heading', { level: 2, name: 'Alles' })).toBeInViewport();
    expect((await widths(page)).document).toBeLessThanOrEqual(DESKTOP.width);
    await context.close();
  });

  test("the ticket page's pickers show the whole chosen name", async ({ browser, baseURL }) => {
    const { ticket, partner } = records();
    const context = await contextFor(browser, baseURL!, DEMO.crm, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`/tickets/${ticket.id}`);
    const chosen = page.getByRole('combobox', { name: 'Geschäftspartner' });
    await expect(chosen).toHaveValue(new RegExp(`^${partner.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const fits = await chosen.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
    expect(fits).toBe(true);
    await context.close();
  });
});

test("the partner CRM tab has the Stammdaten tab's header: GPID and address", async ({ browser, baseURL }) => {
  const { partner } = records();
  const context = await contextFor(browser, baseURL!, DEMO.crm, { viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`/partners/${partner.id}`);
  for (const [tab, path] of [
    ['CRM', `/partners/${partner.id}/crm`],
    ['Stammdaten', `/partners/${partner.id}`],
  ]) {
    const link = page.getByRole('navigation', { name: 'Bereiche des Geschäftspartners' }).getByRole('link', { name: tab });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: partner.name })).toBeVisible();
    await expect(page.getByText(`GPID ${partner.gpid}`)).toBeVisible();
    await expect(page.getByText(new RegExp(`${partner.street}.*${partner.city}`))).toBeVisible();
  }
  await context.close();
});

test.describe('page titles', () => {
  function setLocale(user: TestUser, locale: 'de' | 'en'): void {
    withDb((db) => db.prepare('update users set locale = ? where id = ?').run(locale, user.id));
  }

  test("every page is titled in the user's language; record pages name their record", async ({ browser, baseURL }) => {
    const { ticket, partner, contact } = records();
    const user = createTestUser('Titel', ['crm']);
    const context = await contextFor(browser, baseURL!, user.email, { viewport: DESKTOP });
    const page = await context.newPage();
    const expected: Record<'de' | 'en', [string, string][]> = {
      de: [
        ['/ticketboard', 'Ticketboard · Ticket-CRM'],
        ['/ticketboard/new', 'Neue Abfrage · Ticket-CRM'],
        ['/tickets', 'Tickets · Ticket-CRM'],
        ['/tickets/new', 'Neues Ticket · Ticket-CRM'],
        [`/tickets/${ticket.id}`, `${ticket.number} ${ticket.title} · Ticket-CRM`],
        ['/partners', 'Geschäftspartner · Ticket-CRM'],
        [`/partners/${partner.id}`, `${partner.name} · Ticket-CRM`],
        [`/partners/${partner.id}/crm`, `${partner.name} · CRM · Ticket-CRM`],
        ['/contacts', 'Kontakte · Ticket-CRM'],
        [`/contacts/${contact.id}`, `${contact.name} · Ticket-CRM`],
        ['/crm', 'CRM Dashboard · Ticket-CRM'],
        ['/data-manager', 'Daten Manager · Ticket-CRM'],
      ],
      en: [
        ['/ticketboard', 'Ticket board · Ticket CRM'],
        ['/ticketboard/new', 'New query · Ticket CRM'],
        ['/tickets', 'Tickets · Ticket CRM'],
        ['/tickets/new', 'New ticket · Ticket CRM'],
        [`/tickets/${ticket.id}`, `${ticket.number} ${ticket.title} · Ticket CRM`],
        ['/partners', 'Business partners · Ticket CRM'],
        [`/partners/${partner.id}`, `${partner.name} · Ticket CRM`],
        [`/partners/${partner.id}/crm`, `${partner.name} · CRM · Ticket CRM`],
        ['/contacts', 'Contacts · Ticket CRM'],
        [`/contacts/${contact.id}`, `${contact.name} · Ticket CRM`],
        ['/crm', 'CRM dashboard · Ticket CRM'],
        ['/data-manager', 'Data manager · Ticket CRM'],
      ],
    };
    for (const locale of ['de', 'en'] as const) {
      setLocale(user, locale);
      for (const [url, title] of expected[locale]) {
        await page.goto(url);
        await expect(page, url).toHaveTitle(title);
      }
    }
    await context.close();
  });

  test('an English user reads the default board queries in English, a German one in German', async ({ browser, baseURL }) => {
    const user = createTestUser('Board', []);
    const context = await contextFor(browser, baseURL!, user.email, { viewport: DESKTOP });
    const page = await context.newPage();
    const heads = () =>
      page
        .getByRole('list', { name: /^(Abfragen|Queries)$/ })
        .locator(':scope > li')
        .getByRole('heading', { level: 2 });
    await page.goto('/ticketboard');
    await expect(heads()).toHaveText(['Offen', 'In Bearbeitung', 'Geparkt', 'Geschlossen']);
    setLocale(user, 'en');
    await page.goto('/ticketboard');
    await expect(heads()).toHaveText(['Open', 'In progress', 'Parked', 'Closed']);
    await expect(page).toHaveTitle('Ticket board · Ticket CRM');
    await context.close();
  });

  test('the login page is titled too', async ({ page }) => {
    await page.goto('/login');
    await expect(page).toHaveTitle('Anmelden · Ticket-CRM');
  });
});

test('the favicon answers 200, also without a session, and the pages link it', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico', { maxRedirects: 0 });
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto('/login');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect(href).toBeTruthy();
  const svg = await request.get(href!, { maxRedirects: 0 });
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
});
