// The login page as a user sees it.
import { expect, type Page } from '@playwright/test';

export class LoginPage {
  /** `origin` targets another server than the config's baseURL (e.g. `http://127.0.0.1:4000`). */
  constructor(
    private readonly page: Page,
    private readonly origin = '',
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.origin}/login`);
  }

  async submit(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-Mail').fill(email);
    await this.page.getByLabel('Passwort').fill(password);
    // Wait for the server's answer, so a message still shown from the previous try is not mistaken for it.
    const answered = this.page.waitForResponse((response) => response.request().method() === 'POST');
    await this.page.getByRole('button', { name: 'Anmelden' }).click();
    await answered;
    // The answer's headers come before React has applied it; until then (button disabled) the form may
    // still reset and swallow the next try's typing.
    await expect(this.page.getByRole('button', { name: 'Anmelden', disabled: true })).toHaveCount(0);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.goto();
    await this.submit(email, password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }

  error() {
    return this.page.getByRole('alert').filter({ hasText: /Passwort|Anmeldungen/ });
  }
}
