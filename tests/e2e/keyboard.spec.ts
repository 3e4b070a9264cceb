// The two drag-and-drop lists used by keyboard alone, through their button alternatives: the
// dashboard's grouping levels and the ticket board's columns; on the way, the drop-downs that close
// like menus. Only Tab, Shift+Tab, Enter, Space and Escape move and act; the focus must be visible,
// and stay with the moved item after each move.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { DashboardPage, GROUP_LABELS } from './pages/dashboard-page';
import { TicketboardPage } from './pages/ticketboard-page';
import { createTestUser, signedInContext } from './sessions';
import { DEMO } from './support';

// Tabbing through a page is a round trip per key: on a busy 2-core machine more than the default 30 s.
test.describe.configure({ timeout: 60_000 });

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  const element = await target.elementHandle();
  for (let presses = 0; presses < 80; presses++) {
    if (await element!.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`80 × ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

/** The focused element shows it: it matches :focus-visible and draws an outline or a shadow. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      element: element.outerHTML.slice(0, 120),
      visible: element.matches(':focus-visible'),
      drawn: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
  expect(focus, `focus on ${focus.element}`).toMatchObject({ visible: true, drawn: true });
}

/** Whether the focus lies on (or inside) this element. */
async function expectFocusWithin(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((element) => element.contains(document.activeElement))).toBe(true);
}

const contexts: BrowserContext[] = [];
test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function pageAs(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await signedInContext(browser, baseURL, email);
  contexts.push(context);
  return context.newPage();
}

test('dashboard: two grouping levels added and swapped by keyboard', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, baseURL!, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?groupBy=none');
  const { product, assignee, crmStatus } = GROUP_LABELS;

  // A filter drop-down opens with Enter and closes like a menu: on Escape, focus back on its summary,
  // and when the focus leaves it, so its panel never covers what is focused next.
  const summary = dashboard.filters().locator('details.filter > summary', { hasText: `${crmStatus}:` });
  await tabTo(page, summary);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(dashboard.filter(crmStatus)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dashboard.filter(crmStatus)).toBeHidden();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dashboard.filter(crmStatus)).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dashboard.filter(crmStatus)).toBeHidden();

  await tabTo(page, page.getByRole('link', { name: `Gruppieren nach ${product}`, exact: true }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => dashboard.param('groupBy')).toEqual(['product']);
  await dashboard.expectLevels([product]);
  // The focus follows the field into the grouping.
  await expectFocusWithin(dashboard.level(product));

  await tabTo(page, page.getByRole('link', { name: `Gruppieren nach ${assignee}`, exact: true }));
  await page.keyboard.press('Enter');
  await expect.poll(() => dashboard.param('groupBy')).toEqual(['product,assignee']);
  await dashboard.expectLevels([product, assignee]);
  await expectFocusWithin(dashboard.level(assignee));

  const forward = dashboard.level(assignee).getByRole('link', { name: `„${assignee}“ nach vorn`, exact: true });
  await tabTo(page, forward, true);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => dashboard.param('groupBy')).toEqual(['assignee,product']);
  await dashboard.expectLevels([assignee, product]);
  // The moved level keeps the focus, on its other arrow now that it stands first.
  await expect(dashboard.level(assignee).getByRole('link', { name: `„${assignee}“ nach hinten`, exact: true })).toBeFocused();
  await expectVisibleFocus(page);
  // The groups render in the new order: Bearbeiter first, products under them.
  const users = withDb((db) => db.prepare('select name from users').pluck().all() as string[]);
  const topLabels = await dashboard.topGroups().locator(':scope > summary > .group-label').allInnerTexts();
  expect(topLabels.length).toBeGreaterThan(0);
  for (const label of topLabels) expect(users.includes(label) || label.startsWith('(ohne'), label).toBe(true);
  await expect(dashboard.topGroups().first().locator('ul.group-list.depth-1 > li > details').first()).toBeAttached();
});

test('ticket board: columns moved by keyboard keep the focus and the order', async ({ browser, baseURL }) => {
  const user = createTestUser('Tastatur Nutzerin', []);
  const page = await pageAs(browser, baseURL!, user.email);
  const board = new TicketboardPage(page);
  await board.goto();
  const all = ['Offen', 'In Bearbeitung', 'Geparkt', 'Geschlossen'];
  expect(await board.order(all)).toEqual(all);

  // The user menu, too, closes on Escape and gives the focus back to its summary.
  const menu = page.getByLabel(`Benutzermenü: ${user.name}`);
  await tabTo(page, menu);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Sprache')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Sprache')).toBeHidden();
  await expect(menu).toBeFocused();

  const answered = () => page.waitForResponse((response) => response.request().method() === 'POST');
  const right = (name: string) => board.column(name).getByRole('button', { name: `„${name}“ nach rechts`, exact: true });
  const left = (name: string) => board.column(name).getByRole('button', { name: `„${name}“ nach links`, exact: true });

  // "Offen" moves right, step by step, to the end of the board; the focus stays on its arrow.
  await tabTo(page, right('Offen'));
  await expectVisibleFocus(page);
  for (const [key, order] of [
    ['Enter', ['In Bearbeitung', 'Offen', 'Geparkt', 'Geschlossen']],
    ['Space', ['In Bearbeitung', 'Geparkt', 'Offen', 'Geschlossen']],
  ] as const) {
    const saved = answered();
    await page.keyboard.press(key);
    await saved;
    await expect.poll(() => board.order(all)).toEqual(order);
    await expect(right('Offen')).toBeFocused();
    await expectVisibleFocus(page);
  }
  // At the end of the board the column has no "nach rechts" any more: the focus goes to its other arrow.
  const saved = answered();
  await page.keyboard.press('Enter');
  await saved;
  await expect.poll(() => board.order(all)).toEqual(['In Bearbeitung', 'Geparkt', 'Geschlossen', 'Offen']);
  await expect(left('Offen')).toBeFocused();
  await expectVisibleFocus(page);

  await page.reload();
  expect(await board.order(all)).toEqual(['In Bearbeitung', 'Geparkt', 'Geschlossen', 'Offen']);
});
