// The CRM dashboard (/crm) as a user sees it: the filter bar, the grouping editor, the grand total,
// the group tree and the export links; and the database figures the dashboard specs compare with.
import { expect, type Locator, type Page } from '@playwright/test';
import { withDb } from './crm-pages';
import { alertWith } from './partner-pages';

/** The grouping fields by their German label (the page's chips, the CSV's leading columns). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const GROUP_LABELS = {
  crmStatus: 'CRM-Ticketstatus',
  product: 'Produkte',
  campaign: 'Kampagnen',
  assignee: 'Ticket-Bearbeiter',
} as const;

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/crm${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'CRM Dashboard' })).toBeVisible();
  }

  /** One URL parameter of the current view (`groupBy`, `crmStatus`, …). */
  param(name: string): string[] {
    return new URL(this.page.url()).searchParams.getAll(name);
  }

  // ------------------------------------------------------------------ filter bar

  filters(): Locator {
    return this.page.getByRole('form', { name: 'CRM Filteroptionen' });
  }

  /** A filter's checkboxes (the fieldset inside its dropdown, found also while the dropdown is closed). */
  filter(label: string): Locator {
    return this.filters().getByRole('group', { name: label, exact: true, includeHidden: true });
  }

  option(label: string, name: string): Locator {
    return this.filter(label).getByRole('checkbox', { name, exact: true, includeHidden: true });
  }

  /** Opens the filter's dropdown (a `<details>`, works without JavaScript) and ticks one option. */
  async tick(label: string, name: string): Promise<void> {
    if (!(await this.option(label, name).isVisible())) await this.dropdown(label).click();
    await this.option(label, name).check();
  }

  /** Closes the filter's dropdown again: open, it lies over the content below. */
  async closeFilter(label: string): Promise<void> {
    if (await this.filter(label).isVisible()) await this.dropdown(label).click();
    await expect(this.filter(label)).toBeHidden();
  }

  /** The summary of a filter's dropdown ("CRM-Ticketstatus: alle"). */
  private dropdown(label: string): Locator {
    return this.filters().locator('details > summary', { hasText: new RegExp(`^${escapeRegExp(label)}:`) });
  }

  async apply(): Promise<void> {
    await this.filters().getByRole('button', { name: 'Anwenden' }).click();
  }

  // ------------------------------------------------------------------ grouping editor

  /** The chosen grouping levels, in order. */
  levels(): Locator {
    return this.page.getByRole('list', { name: 'Gruppierung', exact: true }).getByRole('listitem');
  }

  level(label: string): Locator {
    return this.levels().filter({ has: this.page.getByText(label, { exact: true }) });
  }

  async expectLevels(labels: string[]): Promise<void> {
    await expect(this.levels().locator('.grouping-label')).toHaveText(labels);
  }

  /** The "+ <field>" link. */
  async addLevel(label: string): Promise<void> {
    await this.page.getByRole('link', { name: `Gruppieren nach ${label}`, exact: true }).click();
  }

  /** The ←/→ links. */
  async moveLevel(label: string, direction: 'vorn' | 'hinten'): Promise<void> {
    await this.level(label)
      .getByRole('link', { name: `„${label}“ nach ${direction}`, exact: true })
      .click();
  }

  /** The × link. */
  async removeLevel(label: string): Promise<void> {
    await this.level(label)
      .getByRole('link', { name: `„${label}“ entfernen`, exact: true })
      .click();
  }

  /** Drags `source` by its handle onto `target`'s handle (sortablejs; the page then navigates). */
  async dragLevel(source: string, target: string): Promise<void> {
    await this.level(source).locator('[data-drag-handle]').dragTo(this.level(target).locator('[data-drag-handle]'));
  }

  // ------------------------------------------------------------------ totals, groups, export

  grandTotal(): Locator {
    return this.page.getByRole('region', { name: 'Gesamt', exact: true });
  }

  /** The ticket count of the grand total as shown ("1.234"). */
  totalCount(): Locator {
    return this.grandTotal()
      .locator('dt', { hasText: /^Tickets$/ })
      .locator('xpath=following-sibling::dd[1]');
  }

  async expectTotal(count: number): Promise<void> {
    await expect(this.totalCount()).toHaveText(count.toLocaleString('de-DE'));
  }

  async shownTotal(): Promise<number> {
    return Number((await this.totalCount().innerText()).replace(/\./g, ''));
  }

  /** The groups of the first level, each a `<details>`. */
  topGroups(): Locator {
    return this.page.locator('ul.group-list.depth-0 > li > details');
  }

  topGroup(label: string): Locator {
    const exactly = new RegExp(`^${escapeRegExp(label)}$`);
    return this.topGroups().filter({ has: this.page.locator(':scope > summary > .group-label', { hasText: exactly }) });
  }

  /** A group by its labels from the first level down (`group('Angebot erstellt', 'Müller GmbH')`). */
  group(...labels: string[]): Locator {
    const byLabel = (scope: Locator, label: string) =>
      scope.filter({ has: this.page.locator(':scope > summary > .group-label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
    return labels.slice(1).reduce((group, label) => byLabel(group.locator(':scope > ul > li > details'), label), this.topGroup(labels[0]));
  }

  /** Opens the group and each one above it that is closed, by clicking its summary as a reader does. */
  async expand(...labels: string[]): Promise<void> {
    for (let depth = 1; depth <= labels.length; depth += 1) {
      const group = this.group(...labels.slice(0, depth));
      if (!(await group.evaluate((element) => (element as HTMLDetailsElement).open))) await group.locator(':scope > summary').click();
    }
  }

  /** The ticket numbers listed under a leaf group. */
  groupTickets(...labels: string[]): Locator {
    return this.group(...labels).locator(':scope > table tbody tr td:first-child a');
  }

  async expectTopGroups(labels: string[]): Promise<void> {
    await expect(this.topGroups().locator(':scope > summary > .group-label')).toHaveText(labels);
  }

  exportLink(name: 'Excel (Deutsch)' | 'RFC 4180'): Locator {
    return this.grandTotal().getByRole('link', { name, exact: true });
  }

  /** The messages about ignored URL parameters (Next's route announcer is also an alert). */
  problems(): Locator {
    return alertWith(this.page, /ungültig und wurde ignoriert/);
  }
}

// ---------------------------------------------------------------- figures from the e2e database

export function crmTicketCount(): number {
  return withDb((db) => db.prepare('select count(*) from tickets where crm_enabled = 1').pluck().get() as number);
}

/** The active CRM status with the most CRM tickets (a filter option that narrows the view). */
export function busiestCrmStatus(): { id: number; name: string; count: number } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select s.id, s.name, count(*) as count from crm_ticket_statuses s join tickets t on t.crm_status_id = s.id and t.crm_enabled = 1
           where s.archived = 0 group by s.id order by count desc, s.id limit 1`,
        )
        .get() as { id: number; name: string; count: number },
  );
}

/** The Bearbeiter with the most CRM tickets (a filter option of "Ticket-Bearbeiter"). */
export function busiestAssignee(): { id: number; name: string; count: number } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select u.id, u.name, count(*) as count from users u join tickets t on t.assignee_id = u.id and t.crm_enabled = 1
           group by u.id order by count desc, u.id limit 1`,
        )
        .get() as { id: number; name: string; count: number },
  );
}

/** The product groups of the CRM tickets with this status, in admin order, "(ohne Produkte)" last. */
export function productGroupsOfStatus(statusId: number): string[] {
  return withDb((db) => {
    const names = db
      .prepare(
        `select p.name from products p where exists (
           select 1 from ticket_products tp join tickets t on t.id = tp.ticket_id
           where tp.product_id = p.id and t.crm_enabled = 1 and t.crm_status_id = ?)
         order by p.position, p.id`,
      )
      .pluck()
      .all(statusId) as string[];
    const without = db
      .prepare(
        `select count(*) from tickets t where t.crm_enabled = 1 and t.crm_status_id = ?
           and not exists (select 1 from ticket_products tp where tp.ticket_id = t.id)`,
      )
      .pluck()
      .get(statusId) as number;
    return without > 0 ? [...names, '(ohne Produkte)'] : names;
  });
}

/** The CRM status with CRM tickets of the most partners, two of those partners, and their tickets' numbers. */
export function statusWithPartners(): { status: string; partners: { name: string; tickets: string[] }[] } {
  return withDb((db) => {
    const partner = 'coalesce(t.partner_id, (select c.partner_id from contacts c where c.id = t.contact_id))';
    const status = db
      .prepare(
        `select s.id, s.name from crm_ticket_statuses s join tickets t on t.crm_status_id = s.id and t.crm_enabled = 1
         group by s.id order by count(distinct ${partner}) desc, s.id limit 1`,
      )
      .get() as { id: number; name: string };
    const partners = db
      .prepare(
        `select p.id, p.name from partners p where p.id in (select ${partner} from tickets t where t.crm_enabled = 1 and t.crm_status_id = ?) order by p.id limit 2`,
      )
      .all(status.id) as { id: number; name: string }[];
    return {
      status: status.name,
      partners: partners.map((row) => ({
        name: row.name,
        tickets: db
          .prepare(`select t.number from tickets t where t.crm_enabled = 1 and t.crm_status_id = ? and ${partner} = ?`)
          .pluck()
          .all(status.id, row.id) as string[],
      })),
    };
  });
}

/** Two products that CRM tickets carry together, and the numbers of the CRM tickets carrying both. */
export function productPair(): { first: { id: number; name: string }; second: { id: number; name: string }; tickets: string[] } {
  return withDb((db) => {
    const pair = db
      .prepare(
        `select a.product_id as first, b.product_id as second from ticket_products a join ticket_products b on b.ticket_id = a.ticket_id and b.product_id <> a.product_id
         join tickets t on t.id = a.ticket_id and t.crm_enabled = 1 group by a.product_id, b.product_id order by count(*) desc, a.product_id, b.product_id limit 1`,
      )
      .get() as { first: number; second: number };
    const product = (id: number) => db.prepare('select id, name from products where id = ?').get(id) as { id: number; name: string };
    const tickets = db
      .prepare(
        `select t.number from tickets t where t.crm_enabled = 1 and exists (select 1 from ticket_products x where x.ticket_id = t.id and x.product_id = ?)
         and exists (select 1 from ticket_products x where x.ticket_id = t.id and x.product_id = ?)`,
      )
      .pluck()
      .all(pair.first, pair.second) as string[];
    return { first: product(pair.first), second: product(pair.second), tickets };
  });
}

/** How many CRM tickets have an Abschlusschance. */
export function crmTicketsWithProbability(): number {
  return withDb(
    (db) => db.prepare('select count(*) from tickets where crm_enabled = 1 and probability is not null').pluck().get() as number,
  );
}

/** The number of a CRM ticket with this status and product. */
export function ticketNumberWith(statusId: number, product: string): string {
  return withDb(
    (db) =>
      db
        .prepare(
          `select t.number from tickets t join ticket_products tp on tp.ticket_id = t.id join products p on p.id = tp.product_id
           where t.crm_enabled = 1 and t.crm_status_id = ? and p.name = ? order by t.id limit 1`,
        )
        .pluck()
        .get(statusId, product) as string,
  );
}
