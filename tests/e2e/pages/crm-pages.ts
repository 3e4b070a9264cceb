// The CRM pages as a user sees them: the administration of the lookup lists (/admin/crm), a ticket's
// CRM panel and a partner's CRM tab; and the few database steps the CRM specs arrange data with.
import { expect, type Locator, type Page } from '@playwright/test';
import { e2eDb } from '../support';
import { alertWith } from './partner-pages';

export const CRM_LISTS = {
  crmTicketStatuses: 'CRM-Ticketstatus',
  lostReasons: 'Verlustgründe',
  crmPartnerStatuses: 'CRM-Geschäftspartner-Status',
  companySizes: 'Unternehmensgrößen',
  revenueGroups: 'Umsatzgruppen',
  companyGroups: 'Unternehmensgruppen',
  dataSources: 'Datenquellen',
  campaigns: 'Kampagnen',
  products: 'Produkte',
  attributes: 'Merkmale',
} as const;
export type CrmListKey = keyof typeof CRM_LISTS;

/** A server action's answer (a fetch with JavaScript, a form post without). */
function actionAnswered(page: Page) {
  return page.waitForResponse((response) => response.request().method() === 'POST');
}

/** One tab of /admin/crm: its entries in order, the add form, and each entry's buttons. */
export class CrmAdminPage {
  readonly name: string;

  constructor(
    private readonly page: Page,
    private readonly list: CrmListKey,
  ) {
    this.name = CRM_LISTS[list];
  }

  async goto(): Promise<void> {
    await this.page.goto(`/admin/crm?list=${this.list}`);
    await expect(this.page.getByRole('heading', { level: 2, name: this.name, exact: true })).toBeVisible();
  }

  entries(): Locator {
    return this.page.getByRole('list', { name: this.name, exact: true }).getByRole('listitem');
  }

  entry(name: string): Locator {
    return this.entries().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The given entries in the order the page shows them (other entries may stand between). */
  async order(names: string[]): Promise<string[]> {
    const shown = await this.entries().locator('strong').allInnerTexts();
    return shown.map((name) => name.trim()).filter((name) => names.includes(name));
  }

  async expectOrder(names: string[]): Promise<void> {
    await expect.poll(() => this.order(names)).toEqual(names);
  }

  /** The order survives loading the page anew (by GET: reloading a form post would send it again). */
  async expectSavedOrder(names: string[]): Promise<void> {
    await this.goto();
    expect(await this.order(names)).toEqual(names);
  }

  addForm(): Locator {
    return this.page.getByRole('region', { name: `Neuer Eintrag: ${this.name}` });
  }

  /** Fills the add form by label ("Name", "Umsatz von (EUR)", …) and submits it. */
  async add(values: Record<string, string>): Promise<void> {
    const form = this.addForm();
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
  }

  async addEntry(values: { Name: string } & Record<string, string>): Promise<void> {
    await this.add(values);
    await expect(this.addForm().getByRole('status')).toHaveText('Der Eintrag wurde hinzugefügt.');
    await expect(this.entry(values.Name)).toBeVisible();
  }

  /** The ↑/↓ buttons, the keyboard and no-JavaScript alternative to drag and drop. */
  async move(name: string, direction: 'oben' | 'unten'): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.entry(name)
      .getByRole('button', { name: `„${name}“ nach ${direction}`, exact: true })
      .click();
    await answered;
  }

  /** Drags `source` by its handle onto `target`'s handle; waits until the new order was sent. */
  async drag(source: string, target: string): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.entry(source).locator('[data-drag-handle]').dragTo(this.entry(target).locator('[data-drag-handle]'));
    await answered;
  }

  async press(name: string, button: 'Archivieren' | 'Wiederherstellen' | 'Löschen' | 'Ja, löschen'): Promise<void> {
    await this.entry(name)
      .getByRole('button', { name: `${button}: ${name}`, exact: true })
      .click();
  }

  /** Opens this list by its tab, as a click does: no reload with JavaScript. */
  async openTab(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Listen' }).getByRole('link', { name: this.name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: this.name, exact: true })).toBeVisible();
  }

  /** Saves an entry's edit form with the values it shows (changed by `values`, by label). */
  async save(name: string, values: Record<string, string> = {}): Promise<void> {
    const entry = this.entry(name);
    await entry.getByText(`„${name}“ bearbeiten`, { exact: true }).click();
    for (const [label, value] of Object.entries(values)) await entry.getByLabel(label, { exact: true }).fill(value);
    await entry.getByRole('button', { name: 'Speichern', exact: true }).click();
  }

  alert(text: string | RegExp): Locator {
    return alertWith(this.page, text);
  }
}

export type TicketCrmValues = {
  status?: string;
  probability?: string;
  potential?: string;
  expectedUsers?: string;
  products?: string[];
  newProducts?: string;
};

export const TICKET_CRM_LABELS = {
  status: 'CRM-Status',
  probability: 'Abschlusschance (%)',
  potential: 'Umsatzpotenzial (EUR)',
  expectedUsers: 'Voraussichtliche Benutzeranzahl',
  newProducts: 'Neue Produkte (durch Komma getrennt)',
} as const;

/** The CRM panel of /tickets/[id]: "CRM aktivieren", the CRM form, "CRM deaktivieren", the Verlauf. */
export class TicketCrmPanel {
  constructor(private readonly page: Page) {}

  async goto(id: number): Promise<void> {
    await this.page.goto(`/tickets/${id}`);
  }

  panel(): Locator {
    return this.page.getByRole('region', { name: 'CRM', exact: true });
  }

  form(): Locator {
    return this.panel().getByRole('form', { name: 'CRM' });
  }

  field(key: keyof typeof TICKET_CRM_LABELS): Locator {
    return this.form().getByLabel(TICKET_CRM_LABELS[key], { exact: true });
  }

  /** The chosen CRM-Status as the select shows it. */
  status(): Locator {
    return this.field('status').locator('option:checked');
  }

  product(name: string): Locator {
    return this.form().getByRole('group', { name: 'Produkte' }).getByRole('checkbox', { name, exact: true });
  }

  async activate(): Promise<void> {
    await this.panel().getByRole('button', { name: 'CRM aktivieren' }).click();
    await expect(this.form()).toBeVisible();
  }

  async deactivate(): Promise<void> {
    await this.panel().getByRole('button', { name: 'CRM deaktivieren' }).click();
    await expect(this.panel().getByRole('button', { name: 'CRM aktivieren' })).toBeVisible();
    await expect(this.form()).toHaveCount(0);
  }

  async fill(values: TicketCrmValues): Promise<void> {
    if (values.status !== undefined) await this.field('status').selectOption({ label: values.status });
    for (const key of ['probability', 'potential', 'expectedUsers', 'newProducts'] as const) {
      const value = values[key];
      if (value !== undefined) await this.field(key).fill(value);
    }
    for (const product of values.products ?? []) await this.product(product).check();
  }

  async save(): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.form().getByRole('button', { name: 'Speichern' }).click();
    await answered;
  }

  saved(): Locator {
    return this.form().getByRole('status');
  }

  history(): Locator {
    return this.panel().getByRole('region', { name: 'Verlauf' });
  }
}

/** /partners/[id]/crm: the partner's CRM form with the derived grouped company size, and its Verlauf. */
export class PartnerCrmTab {
  constructor(private readonly page: Page) {}

  async goto(id: number): Promise<void> {
    await this.page.goto(`/partners/${id}/crm`);
    await expect(this.form()).toBeVisible();
  }

  form(): Locator {
    return this.page.getByRole('form', { name: 'CRM' });
  }

  field(label: string): Locator {
    return this.form().getByLabel(label, { exact: true });
  }

  choice(group: 'Kampagnen' | 'Produkte' | 'Merkmale', name: string): Locator {
    return this.form().getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true });
  }

  companySize(): Locator {
    return this.form().getByRole('status', { name: 'Gruppierte Unternehmensgröße' });
  }

  async save(): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.form().getByRole('button', { name: 'Speichern' }).click();
    await answered;
    await expect(this.form().getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'Verlauf' });
  }
}

// ---------------------------------------------------------------- arranging CRM data in the e2e database

const LOOKUP_TABLES = {
  crmTicketStatuses: 'crm_ticket_statuses',
  lostReasons: 'lost_reasons',
  revenueGroups: 'revenue_groups',
  products: 'products',
  attributes: 'attributes',
} as const;

/** Runs `work` on the server's database and closes it. */
export function withDb<T>(work: (db: ReturnType<typeof e2eDb>) => T): T {
  const db = e2eDb();
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Adds an entry at the end of a lookup list, as the administration would; returns its id. */
export function insertLookup(list: keyof typeof LOOKUP_TABLES, name: string, extra: Record<string, string | number> = {}): number {
  const table = LOOKUP_TABLES[list];
  const columns = ['name', 'position', ...Object.keys(extra)];
  return withDb((db) => {
    const position = db.prepare(`select coalesce(max(position) + 1, 0) from ${table}`).pluck().get() as number;
    const sql = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    return Number(db.prepare(sql).run(name, position, ...Object.values(extra)).lastInsertRowid);
  });
}

/**
 * Writes `count` history entries for a record, a minute apart, changing a number from 0 up: the
 * Abschlusschance of a ticket, the employee count of a partner; the newest sets it to `count`.
 */
export function insertHistory(entity: 'ticket' | 'partner', id: number, count: number): void {
  withDb((db) => {
    const userId = db.prepare("select id from users where email = 'crm@example.com'").pluck().get() as number;
    const insert = db.prepare(
      'insert into crm_changes (entity, entity_id, field, old_value, new_value, user_id, at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const field = entity === 'ticket' ? 'probability' : 'employeeCount';
    const start = Date.UTC(2026, 0, 1);
    db.transaction(() => {
      for (let index = 1; index <= count; index += 1)
        insert.run(entity, id, field, String(index - 1), String(index), userId, start + index * 60_000);
    })();
  });
}

/** A ticket that never had CRM data (CRM off, no values, no history). */
export function ticketWithoutCrm(): { id: number; title: string; partnerId: number | null } {
  return withDb(
    (db) =>
      db
        .prepare(
          `select id, title, partner_id as partnerId from tickets t
           where crm_enabled = 0 and crm_status_id is null and potential_cents is null and probability is null
             and not exists (select 1 from ticket_products where ticket_id = t.id)
             and not exists (select 1 from crm_changes where entity = 'ticket' and entity_id = t.id)
           order by id desc limit 1`,
        )
        .get() as { id: number; title: string; partnerId: number | null },
  );
}
