// Shared steps and direct database access for browser tests.
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO = {
  admin: 'admin@example.com',
  crm: 'crm@example.com',
  agent: 'agent@example.com',
} as const;

/** The server's database, for arranging data and checking outcomes. */
export function e2eDb(): Database.Database {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A unique suffix so reruns and retries never collide. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await new LoginPage(page).signIn(email, password);
}
