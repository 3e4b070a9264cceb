// Every CRM server action posted directly, as a plain HTML form would, by callers without the role:
// no server error, and not one byte of CRM data changes. Positive controls prove the same posts do
// change the data when the caller has the role, so the check could see a change.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { insertLookup, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

const CRM_ACTION_FILES = {
  'app/(app)/admin/crm/actions.ts': 'admin',
  'app/(app)/tickets/[id]/crm-actions.ts': 'ticket',
  'app/(app)/partners/[id]/crm/actions.ts': 'partner',
  'app/(app)/contacts/[id]/crm-actions.ts': 'contact',
} as const;
type Target = (typeof CRM_ACTION_FILES)[keyof typeof CRM_ACTION_FILES];
type CrmAction = { id: string; name: string; target: Target };

/** The CRM actions of the current build, from Next's server reference manifest (at least 9: a rename cannot empty the test). */
function crmActions(): CrmAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const actions = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename in CRM_ACTION_FILES)
    .map(([id, entry]) => ({ id, name: entry.exportedName, target: CRM_ACTION_FILES[entry.filename as keyof typeof CRM_ACTION_FILES] }))
    .sort((a, b) => a.name.localeCompare(b.name));
  expect(actions.length, actions.map((action) => action.name).join(', ')).toBeGreaterThanOrEqual(9);
  return actions;
}

const LOOKUP_TABLES = [
  'crm_ticket_statuses',
  'crm_partner_statuses',
  'company_sizes',
  'revenue_groups',
  'company_groups',
  'data_sources',
  'campaigns',
  'products',
  'attributes',
];
const BRIDGE_TABLES = [
  'ticket_campaigns',
  'ticket_products',
  'partner_campaigns',
  'partner_products',
  'partner_attributes',
  'contact_attributes',
];
const CRM_TABLES = [...LOOKUP_TABLES, ...BRIDGE_TABLES, 'crm_changes'];
const CRM_COLUMNS = {
  tickets:
    'id, version, crm_version, crm_updated_at, crm_updated_by_id, crm_enabled, crm_activated_at, crm_status_id, probability, potential_cents, expected_users',
  partners:
    'id, version, crm_version, crm_updated_at, crm_updated_by_id, crm_partner_status_id, company_group_id, newsletter, revenue_group_id, employee_count, data_source_id, is_prospect, comment1, comment2, comment3, comment4',
  contacts: 'id, version',
};

/** A checksum of all CRM data: the lookup lists, the CRM columns of records, bridge tables, history. */
function crmChecksum(): string {
  return withDb((db) => {
    const hash = crypto.createHash('sha256');
    for (const table of CRM_TABLES) hash.update(table + JSON.stringify(db.prepare(`select * from ${table} order by 1, 2`).raw().all()));
    for (const [table, columns] of Object.entries(CRM_COLUMNS))
      hash.update(table + JSON.stringify(db.prepare(`select ${columns} from ${table} order by id`).raw().all()));
    return hash.digest('hex');
  });
}

type Fixture = { ticketId: number; partnerId: number; contactId: number; productId: number; statusId: number; attributeId: number };

/** Fresh records each action could change: a CRM ticket, an unused product, a Merkmal for both. */
function arrange(): Fixture {
  const productId = insertLookup('products', unique('Unbenutzt'));
  const attributeId = insertLookup('attributes', unique('Für beide'), { applies_to: 'both' });
  const ticketId = ticketWithoutCrm().id;
  return withDb((db) => {
    db.prepare('update tickets set crm_enabled = 1 where id = ?').run(ticketId);
    return {
      ticketId,
      productId,
      attributeId,
      statusId: db.prepare('select id from crm_ticket_statuses where archived = 0 order by id').pluck().get() as number,
      partnerId: db.prepare('select min(id) from partners').pluck().get() as number,
      contactId: db.prepare('select min(id) from contacts').pluck().get() as number,
    };
  });
}

/** The page a plain form of this action is posted to, and the record the form is about. */
function targetOf(target: Target, fixture: Fixture): { url: string; table: string; id: number } {
  switch (target) {
    case 'admin':
      return { url: '/admin/crm?list=products', table: 'products', id: fixture.productId };
    case 'ticket':
      return { url: `/tickets/${fixture.ticketId}`, table: 'tickets', id: fixture.ticketId };
    case 'partner':
      return { url: `/partners/${fixture.partnerId}/crm`, table: 'partners', id: fixture.partnerId };
    case 'contact':
      return { url: `/contacts/${fixture.contactId}`, table: 'contacts', id: fixture.contactId };
  }
}

/** A multipart form as a browser without JavaScript sends it: the action id field plus plausible data. */
function formFor(action: CrmAction, fixture: Fixture): { url: string; form: FormData } {
  const { url, table, id } = targetOf(action.target, fixture);
  const form = new FormData();
  form.append(`$ACTION_ID_${action.id}`, '');
  const fields: Record<string, string> = withDb((db) => ({
    id: String(id),
    version: String(db.prepare(`select version from ${table} where id = ?`).pluck().get(id)),
    // The CRM forms carry the record's CRM version (tickets and partners have one).
    ...(table === 'tickets' || table === 'partners'
      ? { crmVersion: String(db.prepare(`select crm_version from ${table} where id = ?`).pluck().get(id)) }
      : {}),
    list: 'products',
    name: unique('Umbenannt'),
    direction: 'up',
    archived: 'true',
    enabled: 'false',
    crmStatusId: String(fixture.statusId),
    probability: '99',
    potential: '1.234,00',
    expectedUsers: '7',
    employeeCount: '77',
    newsletter: 'on',
    newProducts: unique('Eingeschleust'),
    newCampaigns: unique('Eingeschleust'),
    attributes: String(fixture.attributeId),
  }));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  // The contact's Merkmale form carries the Merkmale it showed.
  if (table === 'contacts') {
    const shown = withDb(
      (db) => db.prepare('select attribute_id from contact_attributes where contact_id = ?').pluck().all(id) as number[],
    );
    for (const attributeId of shown) form.append('shownAttributes', String(attributeId));
  }
  // The whole list in reverse: the new order a drag and drop would send.
  const ids = withDb((db) => db.prepare('select id from products order by position desc, id desc').pluck().all() as number[]);
  for (const productId of ids) form.append('ids', String(productId));
  return { url, form };
}

async function post(request: APIRequestContext, baseURL: string, action: CrmAction, fixture: Fixture) {
  const { url, form } = formFor(action, fixture);
  return request.post(url, { multipart: form, headers: { Origin: baseURL }, maxRedirects: 0 });
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** The requests of a browser signed in as `email` (null: anonymous), cookies included. */
async function requestAs(browser: Browser, email: string | null): Promise<APIRequestContext> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page.request;
}

test('the CRM actions of all four action files are found in the build', () => {
  const actions = crmActions();
  for (const target of Object.values(CRM_ACTION_FILES)) expect(actions.some((action) => action.target === target)).toBe(true);
});

test('posts to every CRM action without the role answer without a server error and change no CRM data', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const fixture = arrange();
  const callers = [
    { who: 'anonymous', request: await requestAs(browser, null), onlyAdminActions: false },
    { who: DEMO.agent, request: await requestAs(browser, DEMO.agent), onlyAdminActions: false },
    // A CRM user may use the ticket, partner and contact actions, not the lookup lists.
    { who: DEMO.crm, request: await requestAs(browser, DEMO.crm), onlyAdminActions: true },
  ];
  const before = crmChecksum();
  for (const action of crmActions()) {
    for (const caller of callers) {
      if (caller.onlyAdminActions && action.target !== 'admin') continue;
      const response = await post(caller.request, baseURL!, action, fixture);
      const label = `${action.name} as ${caller.who}`;
      expect(response.status(), label).toBeLessThan(500);
      expect(crmChecksum(), label).toBe(before);
    }
  }
});

test('positive controls: the same posts by a CRM admin do change the CRM data', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const fixture = arrange();
  const admin = await requestAs(browser, DEMO.admin);
  const actions = crmActions();
  const add = actions.find((action) => action.name === 'addEntryAction');
  expect(add, 'addEntryAction').toBeDefined();
  // Delete last: archiving, renaming and moving need the entry.
  const ordered = [...actions].sort((a, b) => Number(a.name === 'deleteEntryAction') - Number(b.name === 'deleteEntryAction'));
  for (const action of ordered) {
    const before = crmChecksum();
    const response = await post(admin, baseURL!, action, fixture);
    expect(response.status(), action.name).toBeLessThan(500);
    expect(crmChecksum(), `${action.name} changed nothing`).not.toBe(before);
  }
});
