// The login page as a user sees it.
import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  async submit(email: string, password: string): Promise<void> {
    await this.page.getByLabel('E-Mail').fill(email);
    await this.page.getByLabel('Passwort').fill(password);
    // Wait for the server's answer, so a message still shown from the previous try is not mistaken for it.
    const answered = this.page.waitForResponse((response) => response.request().method() === 'POST');
    await this.page.getByRole('button', { name: 'Anmelden' }).click();
    await answered;
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
