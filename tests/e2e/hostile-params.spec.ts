// Hostile query strings over HTTP against the production build (SPEC sections 8 and 13): every list
// page, the record pages with a list of their own (the Verlauf), both CSV exports and the JSON API,
// asked by a signed-in crm user with fast-check-generated parameters (fixed seed). Never a server
// error; a page shows its heading (with a message for what it ignored), an export or the API answers
// its data or a 4xx naming the parameter.
import fc from 'fast-check';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { hostileQuery, SEED } from '../support/hostile-values';
import { withDb } from './pages/crm-pages';
import { DEMO, signIn } from './support';

const PER_TARGET = 15;

const TICKET_PARAMS = ['status', 'assignee', 'partner', 'contact', 'q', 'crm', 'crmStatus', 'revenueGroup', 'page', 'partnerQuery'];
const DASHBOARD_PARAMS = [
  'crmStatus',
  'partner',
  'contact',
  'companySize',
  'revenueGroup',
  'companyGroup',
  'product',
  'campaign',
  'assignee',
  'partnerStatus',
  'dataSource',
  'ticketStatus',
  'usersFrom',
  'usersTo',
  'phase',
  'closeFrom',
  'closeTo',
  'slipped',
  'lostReason',
  'nextAction',
  'stale',
  'groupBy',
  'view',
  'page',
  'partnerQuery',
  'dialect',
];
const FORECAST_PARAMS = [...DASHBOARD_PARAMS, 'from', 'months', 'row'];
const EXPORT_PARAMS = ['columns', 'attribute', 'dialect', 'preview', 'entity', ...TICKET_PARAMS];

/** Fifteen query strings per target, the same on every run; values cut so that a URL stays a URL. */
function queryStrings(names: readonly string[]): string[] {
  const entries = hostileQuery(names, [
    [
      '1',
      '2',
      '3',
      '7',
      '40',
      'none',
      'me',
      'excel',
      'rfc4180',
      'name,city',
      'crmStatus,product',
      'open',
      'won',
      'overdue',
      'nextActionState',
      '2026-12-31',
      'closeMonth,phase',
    ],
  ]);
  return fc
    .sample(entries, { seed: SEED, numRuns: PER_TARGET })
    .map((query) => new URLSearchParams(query.map(([name, value]) => [name, value.slice(0, 300)])).toString());
}

type Check = (response: APIResponse) => Promise<void>;

/** A CRM ticket and a partner of the demo data, looked up when first needed (the server seeds the database). */
let records: { ticket: number; partner: number } | undefined;
function record(kind: 'ticket' | 'partner'): number {
  records ??= withDb((db) => ({
    ticket: db.prepare('select id from tickets where crm_enabled = 1 order by id limit 1').pluck().get() as number,
    partner: db.prepare('select id from partners order by id limit 1').pluck().get() as number,
  }));
  return records[kind];
}

/** A page: answered, with its heading; what it ignored is named in a message, never a server error. */
const page =
  (heading: string | RegExp): Check =>
  async (response) => {
    expect(response.status()).toBe(200);
    const html = await response.text();
    if (typeof heading === 'string') expect(html).toContain(`>${heading}</h1>`);
    else expect(html).toMatch(new RegExp(`<h1>[^<]*${heading.source}[^<]*</h1>`));
    expect(html).not.toMatch(/Internal Server Error|Application error/);
  };

/** A view of the dashboard's filters answers as a page, or first drops the empty parameters by a redirect to the same view. */
const viewPage =
  (path: string, heading: string): Check =>
  async (response) => {
    if (response.status() !== 307) return page(heading)(response);
    const location = new URL(response.headers().location, 'http://x');
    expect(location.pathname).toBe(path);
    expect([...location.searchParams.values()].every((value) => value.trim() !== '')).toBe(true);
    await page(heading)(await request.get(`${location.pathname}${location.search}`, { maxRedirects: 0 }));
  };

/** A record's page: answered, with the section named (e.g. its Verlauf), never a server error. */
const section =
  (heading: string): Check =>
  async (response) => {
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(`>${heading}</h2>`);
    expect(html).not.toMatch(/Internal Server Error|Application error/);
  };

/** An export or the API: its data, or a 4xx in JSON whose message names the parameter. */
const data =
  (contentType: RegExp): Check =>
  async (response) => {
    if (response.status() === 200) {
      expect(response.headers()['content-type']).toMatch(contentType);
      return;
    }
    expect([400, 403, 404]).toContain(response.status());
    const body = (await response.json()) as { error?: unknown };
    expect(typeof body.error === 'string' && body.error.length > 0).toBe(true);
  };

/** The calendar feed: no token a query string makes up is a feed's, so every one is the same plain 404. */
const unknownFeed: Check = async (response) => {
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('BEGIN:VCALENDAR');
};

type Target = { names: readonly string[]; check: Check } & (
  { path: string } | { path: (query: string, index: number) => string; name: string }
);

const TARGETS: Target[] = [
  { path: '/tickets', names: TICKET_PARAMS, check: page('Tickets') },
  { path: '/partners', names: ['q', 'sort', 'dir', 'page', 'deleted'], check: page('Geschäftspartner') },
  { path: '/contacts', names: ['q', 'page', 'deleted'], check: page('Kontakte') },
  { path: '/crm', names: [...DASHBOARD_PARAMS, 'open'], check: viewPage('/crm', 'CRM Dashboard') },
  { path: '/crm/forecast', names: FORECAST_PARAMS, check: viewPage('/crm/forecast', 'Prognose') },
  { path: '/crm/board', names: [...DASHBOARD_PARAMS, 'column'], check: viewPage('/crm/board', 'Pipeline-Board') },
  // Its heading names the count it would change ("Alle 142 Tickets ändern"), or says the selection is unreadable.
  { path: '/crm/changes/new', names: [...DASHBOARD_PARAMS, 'open', 'ticket', 'kind'], check: page(/Tickets (gemeinsam )?ändern/) },
  { path: '/crm/outcomes', names: [...DASHBOARD_PARAMS, 'row'], check: viewPage('/crm/outcomes', 'Abschlussquote und Kalibrierung') },
  { path: '/crm/followups', names: ['assignee', 'section', 'page', 'done', 'outcome', 'from'], check: page(/Wiedervorlagen/) },
  { path: '/account/calendar', names: ['revoked'], check: page('Kalender-Abo') },
  { path: '/data-manager', names: EXPORT_PARAMS, check: page('Daten Manager') },
  { path: '/data-manager/imports', names: ['page', 'applied', 'undone'], check: page(/Importe/) },
  { path: '/ticketboard/new', names: [...TICKET_PARAMS, 'name'], check: page('Neue Abfrage') },
  // Record pages with a list of their own: the Verlauf's page, and the ticket form's draft after a picker search.
  {
    path: () => `/tickets/${record('ticket')}`,
    name: '/tickets/[id]',
    names: ['historyPage', 'partnerQuery', 'contactQuery', 'title', 'partnerId', 'contactId', 'assigneeId', 'status', 'version'],
    check: section('Verlauf'),
  },
  { path: () => `/partners/${record('partner')}/crm`, name: '/partners/[id]/crm', names: ['historyPage'], check: section('Verlauf') },
  { path: '/crm/export', names: DASHBOARD_PARAMS, check: data(/^text\/csv/) },
  {
    name: '/data-manager/export/[entity]',
    path: (_, index) => `/data-manager/export/${['partners', 'contacts', 'tickets', 'constructor', 'Partners'][index % 5]}`,
    names: EXPORT_PARAMS,
    check: data(/^text\/csv/),
  },
  { path: '/api/v1/crm/summary', names: DASHBOARD_PARAMS, check: data(/^application\/json/) },
  { path: '/crm/forecast/export', names: FORECAST_PARAMS, check: data(/^text\/csv/) },
  { path: '/api/v1/crm/forecast', names: FORECAST_PARAMS, check: data(/^application\/json/) },
  { path: '/api/v1/crm/followups.ics', names: ['token'], check: unknownFeed },
];

test.describe.configure({ mode: 'serial' });

let request: APIRequestContext;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(await context.newPage(), DEMO.crm);
  request = context.request;
});

for (const target of TARGETS) {
  const name = 'name' in target ? target.name : target.path;
  test(`${name} answers ${PER_TARGET} hostile query strings without a server error`, async () => {
    const queries = queryStrings(target.names);
    for (const [index, query] of queries.entries()) {
      const url = `${typeof target.path === 'string' ? target.path : target.path(query, index)}?${query}`;
      const response = await request.get(url, { maxRedirects: 0 });
      await test.step(url.slice(0, 200), () => target.check(response));
    }
  });
}
