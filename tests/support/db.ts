// A fresh migrated database for integration tests (the application's shared connection, emptied),
// and the session of a stored user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { closeConnection, connection, type Db, drizzleOf, openSqlite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { users } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';

/** Points the application at a new empty migrated file and returns its connection. */
export function freshAppDb(): Db {
  closeConnection();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-it-'));
  process.env.DATABASE_PATH = path.join(dir, 'app.sqlite');
  const { sqlite, db } = connection();
  migrateDatabase(sqlite);
  return db;
}

/** A standalone migrated database file that is not the application's connection. */
export function scratchDb(): { db: Db; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-scratch-'));
  const file = path.join(dir, 'scratch.sqlite');
  const sqlite = openSqlite(file);
  migrateDatabase(sqlite);
  return { db: drizzleOf(sqlite), file, close: () => sqlite.close() };
}

/** The session of a stored user, as the guards would make it (German interface). */
export function sessionUser(db: Db, email: string): SessionUser {
  const row = db.select().from(users).where(eq(users.email, email)).get();
  if (!row) throw new Error(`No user ${email}`);
  return { id: row.id, email: row.email, name: row.name, roles: row.roles, locale: 'de' };
}

/** A fresh database with the demo data and its three demo users' sessions: the start of most integration tests. */
export async function demoDb(): Promise<{ db: Db; crmUser: SessionUser; agent: SessionUser; admin: SessionUser }> {
  const db = freshAppDb();
  await seedDemoData(db);
  return {
    db,
    crmUser: sessionUser(db, 'crm@example.com'),
    agent: sessionUser(db, 'agent@example.com'),
    admin: sessionUser(db, 'admin@example.com'),
  };
}
