// The CRM dashboard in the browser: filtering and grouping by drag and drop with JavaScript and by
// plain links without it, a copied URL, collapsible groups, the CSV download byte by byte, and who
// may see /crm, /crm/export and the JSON API at all.
import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import {
  busiestAssignee,
  busiestCrmStatus,
  crmTicketCount,
  DashboardPage,
  GROUP_LABELS,
  productGroupsOfStatus,
  ticketNumberWith,
} from './pages/dashboard-page';
import { DEMO, signIn, unique } from './support';

test('with JavaScript a ticked CRM status applies at once; drag and drop reorders the grouping; the copied URL shows the same view', async ({
  page,
}) => {
  const status = busiestCrmStatus();
  const all = crmTicketCount();
  expect(status.count).toBeLessThan(all);
  const products = productGroupsOfStatus(status.id);
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await dashboard.expectTotal(all);

  await dashboard.tick(GROUP_LABELS.crmStatus, status.name);
  await expect(page).toHaveURL(new RegExp(`[?&]crmStatus=${status.id}(&|$)`));
  await dashboard.expectTotal(status.count);
  await dashboard.closeFilter(GROUP_LABELS.crmStatus);

  await dashboard.addLevel(GROUP_LABELS.product);
  await expect.poll(() => dashboard.param('groupBy')).toEqual(['crmStatus,product']);
  await dashboard.expectLevels([GROUP_LABELS.crmStatus, GROUP_LABELS.product]);
  await dashboard.dragLevel(GROUP_LABELS.product, GROUP_LABELS.crmStatus);
  await expect.poll(() => dashboard.param('groupBy')).toEqual(['product,crmStatus']);
  await dashboard.expectLevels([GROUP_LABELS.product, GROUP_LABELS.crmStatus]);
  await dashboard.expectTopGroups(products);
  expect(dashboard.param('crmStatus')).toEqual([String(status.id)]);

  // A colleague opening the copied link sees the same view.
  await page.goto(page.url());
  await dashboard.expectLevels([GROUP_LABELS.product, GROUP_LABELS.crmStatus]);
  await dashboard.expectTopGroups(products);
  await dashboard.expectTotal(status.count);
  await expect(dashboard.option(GROUP_LABELS.crmStatus, status.name)).toBeChecked();

  // Each group is a <details>: collapsed, its tickets are hidden; expanded, they show.
  const group = dashboard.topGroup(products[0]);
  const ticket = group.getByRole('link', { name: ticketNumberWith(status.id, products[0]), exact: true });
  const summary = group.locator(':scope > summary');
  if (await group.evaluate((element) => (element as HTMLDetailsElement).open)) {
    await summary.click();
    await expect(ticket).toBeHidden();
  }
  await summary.click();
  await expect(ticket).toBeVisible();
});

test('without JavaScript the filter applies with "Anwenden", and the ←/→/× links reorder and remove levels', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const assignee = busiestAssignee();
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();

  await dashboard.tick(GROUP_LABELS.assignee, assignee.name);
  await dashboard.apply();
  await expect(page).toHaveURL(new RegExp(`[?&]assignee=${assignee.id}(&|$)`));
  await dashboard.expectTotal(assignee.count);
  await expect(dashboard.option(GROUP_LABELS.assignee, assignee.name)).toBeChecked();

  await dashboard.addLevel(GROUP_LABELS.product);
  await dashboard.expectLevels([GROUP_LABELS.crmStatus, GROUP_LABELS.product]);
  await dashboard.addLevel(GROUP_LABELS.campaign);
  await dashboard.expectLevels([GROUP_LABELS.crmStatus, GROUP_LABELS.product, GROUP_LABELS.campaign]);
  await dashboard.moveLevel(GROUP_LABELS.campaign, 'vorn');
  await dashboard.expectLevels([GROUP_LABELS.crmStatus, GROUP_LABELS.campaign, GROUP_LABELS.product]);
  await dashboard.moveLevel(GROUP_LABELS.crmStatus, 'hinten');
  await dashboard.expectLevels([GROUP_LABELS.campaign, GROUP_LABELS.crmStatus, GROUP_LABELS.product]);
  expect(dashboard.param('groupBy')).toEqual(['campaign,crmStatus,product']);
  await dashboard.removeLevel(GROUP_LABELS.crmStatus);
  await dashboard.expectLevels([GROUP_LABELS.campaign, GROUP_LABELS.product]);
  expect(dashboard.param('groupBy')).toEqual(['campaign,product']);
  // The filter stays in the view through every change.
  expect(dashboard.param('assignee')).toEqual([String(assignee.id)]);
  await dashboard.expectTotal(assignee.count);
  await context.close();
});

test('the Excel CSV of the view has the BOM, ";", CRLF, one row per ticket and a neutralised formula; RFC 4180 has neither BOM nor ";"', async ({
  page,
}) => {
  const status = busiestCrmStatus();
  const suffix = unique('x');
  const title = `=HYPERLINK("x")-${suffix}`;
  const ticket = withDb(
    (db) =>
      db.prepare('select id, title from tickets where crm_enabled = 1 and crm_status_id = ? order by id limit 1').get(status.id) as {
        id: number;
        title: string;
      },
  );
  const setTitle = (value: string) => withDb((db) => db.prepare('update tickets set title = ? where id = ?').run(value, ticket.id));
  setTitle(title);
  try {
    await signIn(page, DEMO.crm);
    const dashboard = new DashboardPage(page);
    await dashboard.goto(`?crmStatus=${status.id}`);
    await dashboard.expectTotal(status.count);
    const shown = await dashboard.shownTotal();

    const [download] = await Promise.all([page.waitForEvent('download'), dashboard.exportLink('Excel (Deutsch)').click()]);
    expect(download.suggestedFilename()).toMatch(/^crm-tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const lines = text.split('\r\n');
    expect(lines[0].split(';').slice(0, 3)).toEqual([GROUP_LABELS.crmStatus, 'Nummer', 'Titel']);
    // Quoted per RFC 4180 (the value holds '"'), prefixed with ' so that Excel does not run it.
    expect(text).toContain(`;"'=HYPERLINK(""x"")-${suffix}";`);
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data.slice(1);
    expect(rows).toHaveLength(shown);
    expect(rows.every((row) => row[0] === status.name)).toBe(true);
    expect(rows.find((row) => row[2].includes(suffix))?.[2]).toBe(`'${title}`);

    const rfcHref = await dashboard.exportLink('RFC 4180').getAttribute('href');
    expect(rfcHref).toContain('dialect=rfc4180');
    const response = await page.request.get(rfcHref!);
    expect(response.status()).toBe(200);
    const rfc = await response.body();
    expect(rfc[0]).not.toBe(0xef);
    const rfcText = rfc.toString('utf8');
    expect(rfcText.split('\r\n')[0].split(',').slice(0, 3)).toEqual([GROUP_LABELS.crmStatus, 'Nummer', 'Titel']);
    expect(rfcText.split('\r\n')[0]).not.toContain(';');
    expect(rfcText).toContain(`,"=HYPERLINK(""x"")-${suffix}",`);
  } finally {
    setTitle(ticket.title);
  }
});

test("anonymous callers get 401 or the login page, users without crm 403; the API answers the page's numbers and names a bad parameter", async ({
  browser,
  request,
}) => {
  for (const url of ['/api/v1/crm/summary', '/crm/export']) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(401);
  }
  const anonymous = await request.get('/crm', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(new URL(anonymous.headers().location, 'http://x').pathname).toBe('/login');

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, DEMO.agent);
  const refused = await agent.goto('/crm');
  expect(refused?.status()).toBe(403);
  await expect(agent.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  for (const url of ['/api/v1/crm/summary', '/crm/export']) {
    const response = await agent.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(403);
    expect(await response.text(), url).not.toContain('Nummer');
  }
  await agentContext.close();

  const crmContext = await browser.newContext();
  const page = await crmContext.newPage();
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const shown = await dashboard.shownTotal();
  const summary = await page.request.get('/api/v1/crm/summary');
  expect(summary.status()).toBe(200);
  const json = (await summary.json()) as { groupBy: string[]; total: { count: number } };
  expect(json.groupBy).toEqual(['crmStatus']);
  expect(json.total.count).toBe(shown);
  const bad = await page.request.get('/api/v1/crm/summary?groupBy=bogus');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain('groupBy');
  await crmContext.close();
});

test('an invalid URL parameter is named in a visible message and ignored; the page still works', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?crmStatus=abc');
  await expect(dashboard.problems()).toHaveText('Der Wert „abc“ für „CRM-Ticketstatus“ ist ungültig und wurde ignoriert.');
  await expect(dashboard.problems()).toBeVisible();
  await dashboard.expectTotal(crmTicketCount());
  await dashboard.expectLevels([GROUP_LABELS.crmStatus]);
  await expect(dashboard.topGroups().first()).toBeVisible();
});
