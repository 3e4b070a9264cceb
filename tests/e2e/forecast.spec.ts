// The forecast in the browser: opened from a URL, months and rows changed with its form (with and
// without JavaScript) while the dashboard's filters stay, the CSV downloads in both dialects, and
// who may see /crm/forecast, its JSON and its CSV at all.
import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { GROUP_LABELS } from './pages/dashboard-page';
import { DEMO, signIn } from './support';

/** How many open CRM tickets there are (a status of phase open, or none), with a status filter if given. */
function openTickets(statusId?: number): number {
  return withDb(
    (db) =>
      (
        db
          .prepare(
            `select count(*) as n from tickets left join crm_ticket_statuses s on s.id = tickets.crm_status_id
             where crm_enabled = 1 and coalesce(s.phase, 'open') = 'open' ${statusId ? 'and crm_status_id = ?' : ''}`,
          )
          .get(...(statusId ? [statusId] : [])) as { n: number }
      ).n,
  );
}

/** The CRM status of phase open with the most CRM tickets. */
function busiestOpenStatus(): { id: number; name: string } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select s.id, s.name from crm_ticket_statuses s join tickets t on t.crm_status_id = s.id and t.crm_enabled = 1
           where s.phase = 'open' group by s.id order by count(*) desc, s.id limit 1`,
        )
        .get() as { id: number; name: string },
  );
}

class ForecastPage {
  constructor(readonly page: Page) {}

  goto(query = '') {
    return this.page.goto(`/crm/forecast${query}`);
  }

  table() {
    return this.page.getByRole('table');
  }

  async headings(): Promise<string[]> {
    await this.table().waitFor();
    return (await this.table().locator('thead th').allInnerTexts()).map((text) => text.split('\n')[0].trim());
  }

  /** The count in the bottom right cell: every ticket of the forecast. */
  async total(): Promise<number> {
    const text = await this.table().locator('tfoot td').last().locator('strong').innerText();
    return Number(text.replace(/\./g, ''));
  }

  rowLabels() {
    return this.table().locator('tbody th').allInnerTexts();
  }

  async choose({ from, months, row }: { from?: string; months?: string; row?: string }) {
    if (from !== undefined) await this.page.getByLabel('Ab Monat').fill(from);
    if (months !== undefined) await this.page.getByLabel('Anzahl Monate').fill(months);
    if (row !== undefined) await this.page.getByLabel('Zeilen').selectOption({ label: row });
    const before = this.page.url();
    await this.page.getByRole('button', { name: 'Anzeigen' }).click();
    // Every choice here changes the view, so the address changes; then the new page has loaded.
    await this.page.waitForURL((url) => url.href !== before);
    await this.page.waitForLoadState();
  }

  param(name: string): string[] {
    return new URL(this.page.url()).searchParams.getAll(name);
  }

  /** The messages about ignored URL parameters (Next's route announcer is also an alert). */
  problems() {
    return this.page.getByRole('alert').filter({ hasText: /ungültig und wurde ignoriert/ });
  }
}

const FIXED_COLUMNS = { overdue: 'Überfällig', later: 'Später', none: 'Ohne Datum', total: 'Gesamt' };

test('a crm user opens the forecast from a URL, changes months and rows with the form, and downloads its CSV', async ({ page }) => {
  const status = busiestOpenStatus();
  await signIn(page, DEMO.crm);
  const forecast = new ForecastPage(page);
  await forecast.goto('?from=2026-12&months=3');
  await expect(page.getByRole('heading', { level: 1, name: 'Prognose' })).toBeVisible();
  expect(await forecast.headings()).toEqual([
    GROUP_LABELS.crmStatus,
    FIXED_COLUMNS.overdue,
    'Dezember 2026',
    'Januar 2027',
    'Februar 2027',
    FIXED_COLUMNS.later,
    FIXED_COLUMNS.none,
    FIXED_COLUMNS.total,
  ]);
  expect(await forecast.total()).toBe(openTickets());

  // Six months by product, then back to one CRM status: each a form submission on the same page.
  await forecast.choose({ months: '6', row: GROUP_LABELS.product });
  await expect(page).toHaveURL(/[?&]months=6(&|$)/);
  expect(forecast.param('row')).toEqual(['product']);
  expect(forecast.param('from')).toEqual(['2026-12']);
  expect((await forecast.headings()).slice(0, 3)).toEqual([GROUP_LABELS.product, FIXED_COLUMNS.overdue, 'Dezember 2026']);
  expect((await forecast.headings()).at(-4)).toBe('Mai 2027');
  expect(await forecast.total()).toBe(openTickets());

  await forecast.goto(`?crmStatus=${status.id}&from=2027-01&months=2&row=product`);
  expect(await forecast.total()).toBe(openTickets(status.id));
  await forecast.choose({ from: '2027-03', row: GROUP_LABELS.crmStatus });
  await expect(page).toHaveURL(/[?&]from=2027-03(&|$)/);
  expect(forecast.param('crmStatus')).toEqual([String(status.id)]);
  expect(forecast.param('months')).toEqual(['2']);
  expect(await forecast.rowLabels()).toEqual([status.name]);
  expect((await forecast.headings()).slice(2, 4)).toEqual(['März 2027', 'April 2027']);
  await expect(page.getByRole('link', { name: /Zum CRM Dashboard mit denselben Filtern/ })).toHaveAttribute(
    'href',
    `/crm?crmStatus=${status.id}`,
  );

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (Deutsch)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^crm-forecast-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header.slice(0, 4)).toEqual([
    GROUP_LABELS.crmStatus,
    'Überfällig: Anzahl',
    'Überfällig: Σ Umsatzpotenzial',
    'Überfällig: Σ gewichtet',
  ]);
  expect(header[4]).toBe('März 2027: Anzahl');
  expect(header).toHaveLength(1 + 3 * 6);
  expect(rows.map((row) => row[0])).toEqual([status.name, 'Gesamt']);
  expect(Number(rows[1].at(-3))).toBe(openTickets(status.id));
  expect(rows[1].at(-2)).toMatch(/^\d+,\d{2}$/);

  const rfcHref = await page.getByRole('link', { name: 'RFC 4180' }).getAttribute('href');
  const rfc = await page.request.get(rfcHref!);
  expect(rfc.status()).toBe(200);
  const rfcText = (await rfc.body()).toString('utf8');
  expect(rfcText.charCodeAt(0)).not.toBe(0xfeff);
  expect(rfcText.split('\r\n')[0].split(',').slice(0, 2)).toEqual([GROUP_LABELS.crmStatus, 'Überfällig: Anzahl']);
  expect(rfcText.split('\r\n')[2].split(',').at(-2)).toMatch(/^\d+\.\d{2}$/);
});

test('without JavaScript the form changes months and rows and keeps the dashboard filters', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const status = busiestOpenStatus();
  await signIn(page, DEMO.crm);
  const forecast = new ForecastPage(page);
  await forecast.goto(`?crmStatus=${status.id}&from=2026-11`);
  expect(await forecast.headings()).toHaveLength(1 + 12 + 3 + 1);
  expect(await forecast.total()).toBe(openTickets(status.id));

  await forecast.choose({ months: '4', row: GROUP_LABELS.assignee });
  await expect(page).toHaveURL(/[?&]row=assignee(&|$)/);
  expect(forecast.param('crmStatus')).toEqual([String(status.id)]);
  expect(forecast.param('months')).toEqual(['4']);
  expect(await forecast.headings()).toEqual([
    GROUP_LABELS.assignee,
    FIXED_COLUMNS.overdue,
    'November 2026',
    'Dezember 2026',
    'Januar 2027',
    'Februar 2027',
    FIXED_COLUMNS.later,
    FIXED_COLUMNS.none,
    FIXED_COLUMNS.total,
  ]);
  expect(await forecast.total()).toBe(openTickets(status.id));

  await forecast.choose({ from: '2027-02', months: '1' });
  expect(forecast.param('from')).toEqual(['2027-02']);
  expect(forecast.param('row')).toEqual(['assignee']);
  expect((await forecast.headings()).slice(1, 4)).toEqual([FIXED_COLUMNS.overdue, 'Februar 2027', FIXED_COLUMNS.later]);
  expect(await forecast.total()).toBe(openTickets(status.id));
  await context.close();
});

test('a bad parameter: the page names it and uses the default, the JSON answers 400 naming it', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const forecast = new ForecastPage(page);
  await forecast.goto('?months=30&from=2026-12');
  await expect(forecast.problems()).toHaveText('Der Wert „30“ für „Anzahl Monate“ ist ungültig und wurde ignoriert.');
  expect(await forecast.headings()).toHaveLength(1 + 12 + 3 + 1);
  // What was typed stays in its field.
  await expect(page.getByLabel('Anzahl Monate')).toHaveValue('30');

  for (const [query, param] of [
    ['months=30', 'months'],
    ['from=Dezember', 'from'],
    ['row=bogus', 'row'],
  ]) {
    const bad = await page.request.get(`/api/v1/crm/forecast?${query}`);
    expect(bad.status(), query).toBe(400);
    expect(((await bad.json()) as { param: string }).param).toBe(param);
  }
  const json = (await (await page.request.get('/api/v1/crm/forecast?from=2026-12&months=2')).json()) as {
    from: string;
    months: string[];
    row: string;
    rows: { cells: Record<string, { count: number }> }[];
    columns: Record<string, { count: number }>;
    total: { count: number };
  };
  expect(json.from).toBe('2026-12');
  expect(json.months).toEqual(['2026-12', '2027-01']);
  expect(json.row).toBe('crmStatus');
  expect(Object.keys(json.columns)).toEqual(['overdue', '2026-12', '2027-01', 'later', 'none']);
  expect(json.total.count).toBe(openTickets());
  expect(Object.values(json.columns).reduce((sum, column) => sum + column.count, 0)).toBe(openTickets());
});

test('anonymous callers get 401 or the login page, users without crm 403 on the page, the JSON and the CSV', async ({
  browser,
  request,
}) => {
  for (const url of ['/api/v1/crm/forecast', '/crm/forecast/export']) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(401);
  }
  const anonymous = await request.get('/crm/forecast', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(new URL(anonymous.headers().location, 'http://x').pathname).toBe('/login');

  const context = await browser.newContext();
  const agent = await context.newPage();
  await signIn(agent, DEMO.agent);
  const refused = await agent.goto('/crm/forecast');
  expect(refused?.status()).toBe(403);
  await expect(agent.getByRole('heading', { name: 'Keine Berechtigung' })).toBeVisible();
  await expect(agent.getByText('Überfällig')).toHaveCount(0);
  for (const url of ['/api/v1/crm/forecast', '/crm/forecast/export', '/crm/forecast/export?dialect=rfc4180']) {
    const response = await agent.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(403);
    expect(await response.text(), url).not.toContain('Überfällig');
  }
  await context.close();
});
