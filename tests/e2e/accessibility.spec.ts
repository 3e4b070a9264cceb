// Every page of the build, for every role that reaches it, checked with axe-core (WCAG 2.0–2.2 A and
// AA plus best practice): no serious or critical violation (SPEC section 13). The pages come from the
// build's manifest, so a page added without a check here fails the first test.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LOOKUP_LIST_KEYS } from '@/lib/lookups/lists';
import { withDb } from './pages/crm-pages';
import { LoginPage } from './pages/login-page';
import { alertWith } from './pages/partner-pages';
import { createTestUser, findUser, signedInContext } from './sessions';
import { DEMO, unique } from './support';

// No trace: it would record axe's half-megabyte script for each of some 75 page views, a third of the
// run's time; a failure prints every violation with its rule, impact, selector and help instead.
test.use({ trace: 'off' });

type Role = 'agent' | 'crm' | 'crmAdmin' | 'admin';
const ROLES: Role[] = ['agent', 'crm', 'crmAdmin', 'admin'];
const CRM_ROLES: Role[] = ['crm', 'crmAdmin'];

/** One page view to check: where it is, who looks, and what must be shown before axe runs. */
type Visit = {
  /** The page's route as the manifest names it, route groups left out (`/partners/[id]/crm`). */
  route: string;
  url: string;
  roles: Role[];
  /** The HTTP status the page must answer (a 403 page must be the 403 page, not a 200 by mistake). */
  status?: number;
  /** A page that only redirects: the path it must land on, itself checked under its own route. */
  redirectsTo?: string;
  /** Shows the state to check (opens a drop-down, …). */
  prepare?: (page: Page) => Promise<void>;
};

/** Pages of the manifest that no URL reaches, each with the reason. */
const UNREACHABLE: Record<string, string> = {
  // The app has no global-error.tsx: this is Next's own page for an exception thrown by the root
  // layout, which replaces the whole document; no request makes the root layout throw.
  '/_global-error': "Next's built-in page for a crash of the root layout",
};

/** The build's pages (`/(app)/partners/[id]/page` → `/partners/[id]`). */
function builtPages(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/server/app-paths-manifest.json'), 'utf8')) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((key) => key.endsWith('/page'))
    .map((key) => key.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/')
    .sort();
}

type Records = {
  partner: number;
  contact: number;
  crmTicket: number;
  plainTicket: number;
  user: number;
  crmStatuses: number[];
  queries: Record<Role, number>;
  /** A bulk change not undone, for its undo's confirmation. */
  bulkChange: number;
  /** The CRM user's upload (a new partner and a row in error), for the dry run, and an import of theirs, for the undo's confirmation. */
  importUpload: number;
  importDone: number;
};

/** Records to fill the [id] segments with: demo data that shows each page in full. */
function records(users: Record<Role, number>): Records {
  return withDb((db) => {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      partner:
        one(`select p.id from partners p where p.crm_partner_status_id is not null and exists (select 1 from contacts c where c.partner_id = p.id)
                    and exists (select 1 from tickets t where t.partner_id = p.id) order by p.id limit 1`),
      contact: one('select c.id from contacts c where exists (select 1 from tickets t where t.contact_id = c.id) order by c.id limit 1'),
      crmTicket: one(
        'select t.id from tickets t where t.crm_enabled = 1 and exists (select 1 from ticket_products p where p.ticket_id = t.id) order by t.id limit 1',
      ),
      plainTicket: one('select id from tickets where crm_enabled = 0 order by id limit 1'),
      user: findUser(DEMO.agent).id,
      // The two CRM statuses with the most CRM tickets: a filter that still leaves three levels of groups.
      crmStatuses: db
        .prepare(
          'select crm_status_id from tickets where crm_enabled = 1 and crm_status_id is not null group by crm_status_id order by count(*) desc limit 2',
        )
        .pluck()
        .all() as number[],
      bulkChange:
        (db.prepare('select id from bulk_changes where undone_at is null order by id limit 1').pluck().get() as number | undefined) ??
        Number(
          db
            .prepare('insert into bulk_changes (user_id, change, ticket_count, changed_count) values (?, ?, 0, 0)')
            .run(findUser(DEMO.crm).id, JSON.stringify({ kind: 'probability', probability: 40 })).lastInsertRowid,
        ),
      importUpload: Number(
        db
          .prepare("insert into import_uploads (user_id, entity, file_name, bytes) values (?, 'partners', 'partner.csv', ?)")
          .run(
            users.crm || findUser(DEMO.crm).id,
            Buffer.from('Name;PLZ;Ort\r\nNeu Barrierefrei GmbH;10115;Berlin\r\n;abc;Köln\r\n', 'utf8'),
          ).lastInsertRowid,
      ),
      importDone: Number(
        db
          .prepare("insert into imports (user_id, entity, file_name, counts) values (?, 'partners', 'alt.csv', ?)")
          .run(
            users.crm || findUser(DEMO.crm).id,
            JSON.stringify({ create: 1, update: 0, unchanged: 0, skip: 0, entries: 0, crmChanges: 0 }),
          ).lastInsertRowid,
      ),
      queries: Object.fromEntries(
        ROLES.map((role) => [
          role,
          db.prepare('select id from queries where owner_id = ? order by position, id limit 1').pluck().get(users[role]) as number,
        ]),
      ) as Record<Role, number>,
    };
  });
}

/**
 * Opens every `<details>` (groups, menus, a column's actions), so what they hide is checked too. The
 * dashboard's filter drop-downs are left alone: they overlay the page, which keeps one open at a time
 * (all nine open would lie over each other); a dashboard visit opens the one it checks.
 */
async function openAllDetails(page: Page): Promise<void> {
  await page
    .locator('details:not([open]):not(.filter)')
    .evaluateAll((elements) => elements.forEach((element) => ((element as HTMLDetailsElement).open = true)));
}

/** Opens one of the dashboard's filter drop-downs ("CRM-Ticketstatus: 2"). */
function openFilter(label: string): (page: Page) => Promise<void> {
  return async (page) => {
    const filter = page
      .getByRole('form', { name: 'CRM Filteroptionen' })
      .locator('details.filter', { has: page.locator('summary', { hasText: `${label}:` }) });
    await filter.locator('summary').click();
    await expect(filter.getByRole('group', { name: label, exact: true })).toBeVisible();
  };
}

function visits(ids: Records): Visit[] {
  const everyone = ROLES;
  const filtered = `${ids.crmStatuses.map((id) => `crmStatus=${id}`).join('&')}&usersFrom=1`;
  const grouped = `/crm?${filtered}&groupBy=crmStatus,product,assignee`;
  return [
    { route: '/', url: '/', roles: ['agent', 'admin'], redirectsTo: '/ticketboard' },
    { route: '/', url: '/', roles: CRM_ROLES, redirectsTo: '/crm' },
    { route: '/tickets', url: '/tickets', roles: everyone },
    { route: '/tickets/new', url: '/tickets/new', roles: everyone },
    { route: '/tickets/[id]', url: `/tickets/${ids.plainTicket}`, roles: everyone },
    { route: '/tickets/[id]', url: `/tickets/${ids.crmTicket}`, roles: CRM_ROLES },
    { route: '/partners', url: '/partners', roles: everyone },
    { route: '/partners/new', url: '/partners/new', roles: everyone },
    { route: '/partners/[id]', url: `/partners/${ids.partner}`, roles: everyone },
    { route: '/partners/[id]/crm', url: `/partners/${ids.partner}/crm`, roles: CRM_ROLES },
    { route: '/contacts', url: '/contacts', roles: everyone },
    { route: '/contacts/new', url: '/contacts/new', roles: everyone },
    { route: '/contacts/[id]', url: `/contacts/${ids.contact}`, roles: everyone },
    { route: '/ticketboard', url: '/ticketboard', roles: everyone },
    { route: '/ticketboard/new', url: '/ticketboard/new', roles: everyone },
    ...everyone.map((role): Visit => ({ route: '/ticketboard/[id]', url: `/ticketboard/${ids.queries[role]}`, roles: [role] })),
    { route: '/data-manager', url: '/data-manager?entity=tickets&preview=1', roles: everyone },
    { route: '/data-manager/import', url: '/data-manager/import', roles: everyone },
    { route: '/data-manager/import/[id]', url: `/data-manager/import/${ids.importUpload}?existing=update&createNew=1`, roles: ['crm'] },
    { route: '/data-manager/imports', url: '/data-manager/imports', roles: everyone },
    { route: '/data-manager/imports/[id]/undo', url: `/data-manager/imports/${ids.importDone}/undo`, roles: ['crm'] },
    { route: '/crm', url: '/crm', roles: ['agent'], status: 403 },
    { route: '/crm', url: `/crm?${filtered}&view=list`, roles: ['crm'], prepare: openFilter('Geschäftspartner') },
    { route: '/crm', url: grouped, roles: ['crm'], prepare: openFilter('CRM-Ticketstatus') },
    { route: '/crm', url: grouped, roles: ['crmAdmin'], prepare: openFilter('Ticket-Bearbeiter') },
    { route: '/crm/forecast', url: '/crm/forecast', roles: ['agent'], status: 403 },
    { route: '/crm/forecast', url: '/crm/forecast?from=2026-10&months=24&row=product', roles: ['crm'] },
    { route: '/crm/forecast', url: '/crm/forecast?months=99', roles: ['crmAdmin'] },
    { route: '/crm/outcomes', url: '/crm/outcomes?row=product', roles: CRM_ROLES },
    { route: '/crm/outcomes', url: '/crm/outcomes', roles: ['agent'], status: 403 },
    { route: '/crm/changes', url: '/crm/changes', roles: CRM_ROLES },
    { route: '/crm/changes', url: '/crm/changes', roles: ['agent'], status: 403 },
    { route: '/crm/changes/new', url: `/crm/changes/new?${filtered}&open=${ids.crmStatuses[0]}`, roles: ['crm'] },
    {
      route: '/crm/changes/new',
      url: `/crm/changes/new?${filtered}&open=${ids.crmStatuses[0]}&kind=probability&probability=200`,
      roles: ['crmAdmin'],
    },
    { route: '/crm/changes/new', url: `/crm/changes/new?${filtered}&kind=probability&probability=40`, roles: ['crm'] },
    { route: '/crm/changes/new', url: `/crm/changes/new?crmStatus=1`, roles: ['agent'], status: 403 },
    { route: '/crm/changes/[id]/undo', url: `/crm/changes/${ids.bulkChange}/undo`, roles: CRM_ROLES },
    { route: '/crm/changes/[id]/undo', url: `/crm/changes/${ids.bulkChange}/undo`, roles: ['agent'], status: 403 },
    { route: '/crm/board', url: '/crm/board', roles: ['crm'] },
    { route: '/crm/board', url: `/crm/board?${filtered}&column=closeMonth`, roles: ['crmAdmin'] },
    { route: '/crm/board', url: '/crm/board?column=assignee', roles: ['agent'], status: 403 },
    { route: '/crm/followups', url: '/crm/followups', roles: ['crm'] },
    { route: '/crm/followups', url: `/crm/followups?assignee=${ids.user}&section=later&page=2`, roles: ['crmAdmin'] },
    { route: '/crm/followups', url: '/crm/followups', roles: ['agent'], status: 403 },
    { route: '/account/calendar', url: '/account/calendar', roles: CRM_ROLES },
    { route: '/account/calendar', url: '/account/calendar', roles: ['agent'], status: 403 },
    ...LOOKUP_LIST_KEYS.map((list): Visit => ({ route: '/admin/crm', url: `/admin/crm?list=${list}`, roles: ['crmAdmin'] })),
    { route: '/admin/users', url: '/admin/users', roles: ['admin'] },
    { route: '/admin/users/[id]', url: `/admin/users/${ids.user}`, roles: ['admin'] },
    { route: '/account/password', url: '/account/password', roles: ['agent'] },
    { route: '/tickets/[id]', url: '/tickets/999999999', roles: ['agent'], status: 404 },
    { route: '/_not-found', url: '/gibt-es-nicht', roles: ['agent'], status: 404 },
  ];
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The serious and critical violations on the page, one readable line per element. */
async function violations(page: Page, skip?: string): Promise<string[]> {
  // Speed, not scope: legacy mode runs axe inside the page instead of opening a blank page per run to
  // merge frame results (the app has no iframes); `resultTypes` spares axe building selectors for
  // every passing element. Every rule of the tags still runs on every element checked.
  const axe = new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] });
  const { violations: found } = await (skip ? axe.exclude(skip) : axe).analyze();
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    );
}

/**
 * The `<main>` contents already checked in full. Most pages show every role the same content and
 * differ only in the header's navigation: where a role's `<main>` is exactly one already checked
 * (same markup, same styles, so the same findings), axe checks the rest of the document (header,
 * the page-wide rules), not that copy again. Any difference at all (another query id, a CRM panel,
 * a minute more in a ticket's age) gets the full check.
 */
const checkedMains = new Set<string>();

/** Loads the URL, checks it is the page meant, shows the wanted state, and answers axe's findings. */
async function check(page: Page, visit: Visit, role: Role): Promise<string[]> {
  const where = `${visit.url} as ${role}`;
  const response = await page.goto(visit.url);
  expect(response?.status(), where).toBe(visit.status ?? 200);
  const landed = new URL(page.url()).pathname;
  if (visit.redirectsTo) {
    expect(landed, where).toBe(visit.redirectsTo);
    return [];
  }
  expect(landed, where).toBe(new URL(visit.url, page.url()).pathname);
  await visit.prepare?.(page);
  await openAllDetails(page);
  // One main landmark (the frame's): a page's own <main> inside it would be a second.
  await expect(page.getByRole('main'), where).toHaveCount(1);
  const main = createHash('sha256')
    .update(await page.getByRole('main').evaluate((element) => element.outerHTML))
    .digest('hex');
  const seen = checkedMains.has(main);
  checkedMains.add(main);
  return (await violations(page, seen ? 'main' : undefined)).map((line) => `${where}: ${line}`);
}

/** Runs the jobs, each on whichever of the pages is free. */
async function inPool<T>(jobs: ((page: Page) => Promise<T>)[], pages: Page[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index](page);
      }
    }),
  );
  return results;
}

test('every page of the build has its accessibility check', () => {
  const checked = new Set(['/login', ...visits(records({ agent: 0, crm: 0, crmAdmin: 0, admin: 0 })).map((visit) => visit.route)]);
  const built = builtPages();
  expect(
    built.filter((route) => !checked.has(route) && !(route in UNREACHABLE)),
    'pages without an accessibility check',
  ).toEqual([]);
  expect(
    [...checked].filter((route) => !built.includes(route)),
    'checks of pages the build no longer has',
  ).toEqual([]);
});

test('the login page, also with a failed sign-in, has no serious accessibility problem', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const found = await violations(page);
  // An unknown address: no demo account's failed-login count grows.
  await login.submit(`${unique('niemand')}@example.com`, 'falsches-passwort');
  await expect(login.error()).toBeVisible();
  found.push(...(await violations(page)));
  expect(found, found.join('\n')).toEqual([]);
});

test.describe('signed-in pages', () => {
  const contexts = new Map<Role, BrowserContext>();
  let ids: Records;

  test.beforeAll(async ({ browser, baseURL }) => {
    const emails: Record<Role, string> = {
      agent: DEMO.agent,
      crm: DEMO.crm,
      // The demo has no user with exactly these roles (its administrator holds all three).
      crmAdmin: createTestUser('A11y CRM-Admin', ['crm', 'crm_admin']).email,
      admin: createTestUser('A11y Administrator', ['admin']).email,
    };
    for (const role of ROLES) contexts.set(role, await signedInContext(browser, baseURL!, emails[role]));
    ids = records(Object.fromEntries(ROLES.map((role) => [role, findUser(emails[role]).id])) as Record<Role, number>);
  });

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  for (const role of ROLES) {
    test(`every page ${role} reaches has no serious accessibility problem`, async () => {
      // Up to 25 page views with a full axe run each, on a 2-core machine shared with the server.
      test.setTimeout(120_000);
      const context = contexts.get(role)!;
      const pages = await Promise.all(Array.from({ length: 3 }, () => context.newPage()));
      const mine = visits(ids).filter((visit) => visit.roles.includes(role));
      // Three pages at a time: the browser checks one page while the server renders the next.
      const found = (
        await inPool(
          mine.map((visit) => (page: Page) => check(page, visit, role)),
          pages,
        )
      ).flat();
      await Promise.all(pages.map((page) => page.close()));
      expect(found, found.join('\n')).toEqual([]);
    });
  }

  test('a form in its error state names and announces its errors', async () => {
    const page = await contexts.get('agent')!.newPage();
    await page.goto('/tickets/new');
    await page.getByRole('button', { name: 'Ticket anlegen' }).click();
    const title = page.getByLabel('Titel', { exact: true });
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAccessibleDescription('Bitte ausfüllen.');
    await expect(alertWith(page, 'Bitte prüfen Sie die markierten Felder.')).toBeVisible();
    const found = await violations(page);
    await page.close();
    expect(found, found.join('\n')).toEqual([]);
  });
});
