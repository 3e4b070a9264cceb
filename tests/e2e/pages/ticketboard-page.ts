// The ticket board (/ticketboard) and its query form as a user sees them: columns in order, moving
// them by drag and drop or by the ←/→ buttons, and the form of a new query.
import { expect, type Locator, type Page } from '@playwright/test';

function actionAnswered(page: Page) {
  return page.waitForResponse((response) => response.request().method() === 'POST');
}

export class TicketboardPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/ticketboard');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ticketboard' })).toBeVisible();
  }

  columns(): Locator {
    return this.page.getByRole('list', { name: 'Abfragen', exact: true }).locator(':scope > li');
  }

  column(name: string): Locator {
    return this.columns().filter({ has: this.page.getByRole('heading', { level: 2, name, exact: true }) });
  }

  /** The given columns in the order the board shows them (others may stand between). */
  async order(names: string[]): Promise<string[]> {
    const shown = await this.columns().getByRole('heading', { level: 2 }).allInnerTexts();
    return shown.map((name) => name.trim()).filter((name) => names.includes(name));
  }

  async expectSavedOrder(names: string[]): Promise<void> {
    await this.goto();
    expect(await this.order(names)).toEqual(names);
  }

  async move(name: string, direction: 'links' | 'rechts'): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.column(name)
      .getByRole('button', { name: `„${name}“ nach ${direction}`, exact: true })
      .click();
    await answered;
  }

  async drag(source: string, target: string): Promise<void> {
    const answered = actionAnswered(this.page);
    await this.column(source).locator('[data-drag-handle]').first().dragTo(this.column(target).locator('[data-drag-handle]').first());
    await answered;
  }

  /** The form of /ticketboard/new. */
  async openNewQuery(): Promise<Locator> {
    await this.page.goto('/ticketboard/new');
    return this.page.getByRole('form', { name: 'Neue Abfrage' });
  }

  /** Saves a new query named `name`, with whatever `fill` sets in its form, and lands on the board. */
  async createQuery(name: string, fill: (form: Locator) => Promise<unknown> = async () => {}): Promise<void> {
    const form = await this.openNewQuery();
    await form.getByLabel('Name der Abfrage').fill(name);
    await fill(form);
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(this.page).toHaveURL(/\/ticketboard$/);
  }
}
