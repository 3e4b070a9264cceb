// The ticket pages as a user sees them: "Neues Ticket", one ticket, the ticket list.
import { expect, type Page } from '@playwright/test';

/** The partner and contact pickers, driven as a user would with or without JavaScript. */
class Pickers {
  constructor(
    private readonly page: Page,
    private readonly javaScript: boolean,
  ) {}

  /** Searches by `query` and chooses the match labelled `option`. */
  async choose(label: 'Geschäftspartner' | 'Kontakt', query: string, option: string): Promise<void> {
    if (this.javaScript) {
      await this.page.getByRole('combobox', { name: label }).fill(query);
      await this.page.getByRole('option', { name: option, exact: true }).click();
      await expect(this.page.getByRole('combobox', { name: label })).toHaveValue(option);
      return;
    }
    // Without JavaScript "Suchen" submits the whole form by GET; the page comes back with the matches.
    const search = this.page.getByLabel(`${label} suchen`, { exact: true });
    await search.fill(query);
    await this.page.getByRole('group').filter({ has: search }).getByRole('button', { name: 'Suchen' }).click();
    await expect(this.page.getByLabel(`${label} suchen`, { exact: true })).toHaveValue(query);
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** What a picker offers before anything is typed (with JavaScript on focus, without after an empty "Suchen"). */
  offered(label: 'Geschäftspartner' | 'Kontakt') {
    if (this.javaScript) return this.page.getByRole('listbox', { name: label }).getByRole('option');
    return this.page.getByLabel(label, { exact: true }).locator('option:not([value=""])');
  }

  async openEmpty(label: 'Geschäftspartner' | 'Kontakt'): Promise<void> {
    if (this.javaScript) {
      await this.page.getByRole('combobox', { name: label }).focus();
      return;
    }
    const search = this.page.getByLabel(`${label} suchen`, { exact: true });
    await search.fill('');
    await this.page.getByRole('group').filter({ has: search }).getByRole('button', { name: 'Suchen' }).click();
  }
}

export class NewTicketPage {
  readonly pickers: Pickers;

  constructor(
    private readonly page: Page,
    options: { javaScript?: boolean } = {},
  ) {
    this.pickers = new Pickers(page, options.javaScript ?? true);
  }

  async goto(): Promise<void> {
    await this.page.goto('/tickets/new');
    await expect(this.page.getByRole('heading', { name: 'Neues Ticket' })).toBeVisible();
  }

  title() {
    return this.page.getByLabel('Titel');
  }

  async fill(values: { title: string; description?: string }): Promise<void> {
    await this.title().fill(values.title);
    if (values.description) await this.page.getByLabel('Beschreibung').fill(values.description);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ticket anlegen' }).click();
  }

  /** Submits and waits for the new ticket's page; returns its id. */
  async create(): Promise<number> {
    await this.submit();
    await expect(this.page).toHaveURL(/\/tickets\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split('/').pop());
  }
}

export class TicketPage {
  /** The edit form's pickers. */
  readonly pickers: Pickers;

  constructor(
    private readonly page: Page,
    options: { javaScript?: boolean } = {},
  ) {
    this.pickers = new Pickers(page, options.javaScript ?? true);
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/tickets/${id}`);
  }

  info() {
    return this.page.getByRole('region', { name: 'Ticketinformation' });
  }

  /** The value shown next to a label of the information panel ("Status", "Bearbeiter", …). */
  infoValue(label: string) {
    return this.info()
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  editForm() {
    return this.page.getByRole('region', { name: 'Ticket bearbeiten' });
  }

  /** Clicks a button of the information panel ("Übernehmen", "Parken", "Schließen", …). */
  async press(button: string): Promise<void> {
    await this.info().getByRole('button', { name: button, exact: true }).click();
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.infoValue('Status')).toHaveText(status);
  }

  async saveTitle(title: string): Promise<void> {
    await this.editForm().getByLabel('Titel').fill(title);
    await this.editForm().getByRole('button', { name: 'Speichern' }).click();
  }
}

export class TicketListPage {
  constructor(private readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/tickets${query}`);
  }

  filters() {
    return this.page.getByRole('form', { name: 'Filter' });
  }

  async filter(values: { statuses?: string[]; assignee?: string; q?: string }): Promise<void> {
    const form = this.filters();
    for (const status of values.statuses ?? []) await form.getByRole('checkbox', { name: status }).check();
    if (values.assignee) await form.getByLabel('Bearbeiter').selectOption({ label: values.assignee });
    if (values.q !== undefined) await form.getByLabel('Suchbegriff').fill(values.q);
    await form.getByRole('button', { name: 'Anwenden' }).click();
  }

  table() {
    return this.page.getByRole('table', { name: 'Tickets' });
  }

  row(text: string) {
    return this.table().getByRole('row').filter({ hasText: text });
  }

  /** The messages about ignored URL parameters (Next's own route announcer is also an alert). */
  problems() {
    return this.page.getByRole('alert').filter({ hasText: /ignoriert|nicht angewendet/ });
  }
}
