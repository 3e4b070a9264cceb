// Tickets under the innermost group (issue 17, point 2) and the dashboard's wording (point 8): a
// leaf of a large tree loads its tickets when opened, without JavaScript its link opens the same
// view with that group expanded; a group's list keeps the view; messages name fields by label.
import { expect, test } from '@playwright/test';
import { crmTicketCount, crmTicketsWithProbability, DashboardPage, productPair, statusWithPartners } from './pages/dashboard-page';
import { DEMO, signIn } from './support';

const sorted = (values: string[]) => [...values].sort();

test('past 30 groups the tree starts collapsed, and each opened leaf loads its own tickets in place', async ({ page }) => {
  const { status, partners } = statusWithPartners();
  expect(partners).toHaveLength(2);
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?groupBy=crmStatus,partner');
  await expect(dashboard.group(status)).not.toHaveAttribute('open');

  for (const partner of partners) {
    await dashboard.expand(status, partner.name);
    await expect
      .poll(async () => sorted(await dashboard.groupTickets(status, partner.name).allInnerTexts()))
      .toEqual(sorted(partner.tickets));
  }
  // Loaded where they are: the view did not change.
  expect(dashboard.param('open')).toEqual([]);
  expect(dashboard.param('groupBy')).toEqual(['crmStatus,partner']);
  await expect(dashboard.groupTickets(status, partners[0].name)).toHaveCount(partners[0].tickets.length);
});

test("without JavaScript a leaf's link shows the same view with that group open, and leads back", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { status, partners } = statusWithPartners();
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?groupBy=crmStatus,partner');

  for (const partner of partners) {
    await dashboard.expand(status, partner.name);
    await dashboard.group(status, partner.name).getByRole('link', { name: 'Tickets anzeigen', exact: true }).click();
    await expect(page).toHaveURL(/[?&]open=[^&#]+/);
    expect(dashboard.param('groupBy')).toEqual(['crmStatus,partner']);
    await expect(dashboard.group(status, partner.name)).toHaveAttribute('open');
    expect(sorted(await dashboard.groupTickets(status, partner.name).allInnerTexts())).toEqual(sorted(partner.tickets));
  }

  await dashboard
    .group(status, partners[1].name)
    .getByRole('link', { name: 'Gruppe schließen, zurück zur Übersicht', exact: true })
    .click();
  await expect(dashboard.group(status)).not.toHaveAttribute('open');
  expect(dashboard.param('open')).toEqual([]);
  expect(dashboard.param('groupBy')).toEqual(['crmStatus,partner']);
  await dashboard.expectTotal(crmTicketCount());
  await context.close();
});

test("a group's list keeps the view's filters and grouping: a product group under a product filter lists tickets with both", async ({
  page,
}) => {
  const { first, second, tickets } = productPair();
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto(`?product=${first.id}&groupBy=product&open=${second.id}&view=list`);
  await expect(page.getByRole('heading', { level: 2, name: `Tickets: ${second.name}`, exact: true })).toBeVisible();
  const numbers = page.locator('table.dashboard-tickets tbody tr a[href^="/tickets/"]');
  await expect(numbers).toHaveCount(tickets.length);
  expect(sorted(await numbers.allInnerTexts())).toEqual(sorted(tickets));

  await page.getByRole('link', { name: '← Zurück zur Gruppierung' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]open=${second.id}(&|#|$)`));
  expect(dashboard.param('product')).toEqual([String(first.id)]);
  expect(dashboard.param('groupBy')).toEqual(['product']);
  await expect(dashboard.group(second.name)).toHaveAttribute('open');
  expect(sorted(await dashboard.groupTickets(second.name).allInnerTexts())).toEqual(sorted(tickets));
});

test("the dashboard's words: field labels in messages, an inverted Benutzergröße, what the average covers, overlapping groups", async ({
  page,
}) => {
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?crmStatus=abc&groupBy=product,bogus&open=x');
  await expect(dashboard.problems()).toHaveText([
    'Der Wert „abc“ für „CRM-Ticketstatus“ ist ungültig und wurde ignoriert.',
    'Der Wert „bogus“ für „Gruppierung“ ist ungültig und wurde ignoriert.',
    'Der Wert „x“ für „Geöffnete Gruppe“ ist ungültig und wurde ignoriert.',
  ]);
  // Tickets with several products stand in each product group.
  await expect(page.getByText(/^Ein Ticket mit mehreren Werten in „Produkte“ steht in jeder dieser Gruppen/)).toBeVisible();

  await dashboard.goto('?usersFrom=50&usersTo=10');
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: '„Benutzergröße von“ (50) ist größer als „Benutzergröße bis“ (10): Kein Ticket liegt in diesem Bereich.' }),
  ).toBeVisible();
  await dashboard.expectTotal(0);

  await dashboard.goto();
  await expect(page.getByText(/^Ein Ticket mit mehreren Werten/)).toHaveCount(0);
  const average = dashboard
    .grandTotal()
    .locator('dt', { hasText: /^Ø Abschlusschance$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(average).toHaveText(new RegExp(`^\\d+(,\\d)?\\s% aus ${crmTicketsWithProbability()} von ${crmTicketCount()}$`));
});

test('without JavaScript an applied filter form leaves no empty parameter in the address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?groupBy=crmStatus,product');
  await page.getByLabel('Benutzergröße von').fill('5');
  await dashboard.apply();
  await expect(page).toHaveURL(/[?&]usersFrom=5(&|$)/);
  const search = new URL(page.url()).search;
  expect(search).not.toMatch(/=(&|$)/);
  expect(dashboard.param('groupBy')).toEqual(['crmStatus,product']);
  for (const link of await page
    .locator('main a[href*="?"]')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!))) {
    expect(link, link).not.toMatch(/=(&|#|$)/);
  }
  await context.close();
});
