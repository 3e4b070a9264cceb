// The partner and contact pages as a user sees them: create forms, a record's page, the lists.
import { expect, type Locator, type Page } from '@playwright/test';

/** The id at the end of the current URL (/partners/12, /contacts/7). */
function idFromUrl(page: Page): number {
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Messages of a form: Next also renders a role="alert" route announcer, so alerts are found by text. */
export function alertWith(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.getByRole('alert').filter({ hasText: text });
}

export class NewPartnerPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/partners/new');
    await expect(this.page.getByRole('heading', { name: 'Neuer Geschäftspartner' })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Geschäftspartner anlegen' }).click();
  }

  /** Submits and waits for the new partner's page; returns its id. */
  async create(): Promise<number> {
    await this.submit();
    await expect(this.page.getByRole('status').filter({ hasText: 'Der Geschäftspartner wurde angelegt.' })).toBeVisible();
    return idFromUrl(this.page);
  }

  duplicateWarning(): Locator {
    return this.page.getByRole('region', { name: 'Ähnliche Geschäftspartner' });
  }
}

export class PartnerPage {
  constructor(private readonly page: Page) {}

  async goto(id: number): Promise<void> {
    await this.page.goto(`/partners/${id}`);
  }

  masterData(): Locator {
    return this.page.getByRole('form', { name: 'Stammdaten' });
  }

  async save(values: Record<string, string>): Promise<void> {
    const form = this.masterData();
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: 'Speichern' }).click();
  }

  contacts(): Locator {
    return this.page.getByRole('region', { name: 'Kontakte' });
  }

  async delete(): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Geschäftspartner löschen' });
    await form.getByRole('checkbox', { name: 'Ja, diesen Geschäftspartner endgültig löschen' }).check();
    await form.getByRole('button', { name: 'Geschäftspartner löschen' }).click();
  }
}

/** The contact form (create and edit) with its partner picker, with or without JavaScript. */
export class ContactForm {
  constructor(
    private readonly page: Page,
    private readonly javaScript: boolean,
  ) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(values: { Anrede?: string; Vorname?: string; Nachname?: string; Position?: string; 'E-Mail'?: string }): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      if (label === 'Anrede') await this.field(label).selectOption({ label: value });
      else await this.field(label).fill(value);
    }
  }

  /** The chosen partner as the picker shows it. */
  async expectPartner(label: string): Promise<void> {
    if (this.javaScript) await expect(this.page.getByRole('combobox', { name: 'Geschäftspartner' })).toHaveValue(label);
    else await expect(this.field('Geschäftspartner').locator('option:checked')).toHaveText(label);
  }

  /** Searches partners by `query` and chooses the match labelled `option`. */
  async choosePartner(query: string, option: string): Promise<void> {
    if (this.javaScript) {
      await this.page.getByRole('combobox', { name: 'Geschäftspartner' }).fill(query);
      await this.page.getByRole('option', { name: option, exact: true }).click();
    } else {
      // "Suchen" submits the whole form by GET; the page comes back with the matches and what was typed.
      const search = this.field('Geschäftspartner suchen');
      await search.fill(query);
      await this.page.getByRole('group').filter({ has: search }).getByRole('button', { name: 'Suchen' }).click();
      await expect(this.field('Geschäftspartner suchen')).toHaveValue(query);
      await this.field('Geschäftspartner').selectOption({ label: option });
    }
    await this.expectPartner(option);
  }

  /** Creates the contact and waits for its page; returns its id. */
  async create(): Promise<number> {
    await this.page.getByRole('button', { name: 'Kontakt anlegen' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Der Kontakt wurde angelegt.' })).toBeVisible();
    return idFromUrl(this.page);
  }
}
