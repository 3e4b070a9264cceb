// First start: migrate, then fill an empty database with demo data or just the named administrator.
// Reports what it did, for the start-up log (db/startup-log.ts).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { inArray } from 'drizzle-orm';
import type { Db } from './client';
import { connection } from './client';
import { migrateDatabase, migrationsFolder } from './migrate';
import { users } from './schema';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed/demo';
import type { StartupReport } from './startup-log';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { insertUserWithDefaults } from '@/lib/users/mutations';

async function createInitialAdmin(db: Db): Promise<string> {
  const email = process.env.CRM_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.CRM_ADMIN_PASSWORD ?? '';
  const problem = passwordProblem(password);
  if (!email || problem) {
    throw new Error(
      `CRM_SEED=none needs CRM_ADMIN_EMAIL and CRM_ADMIN_PASSWORD (10 to 128 characters, not a commonly used password) for the first administrator${problem ? ` (CRM_ADMIN_PASSWORD: ${problem})` : ''}.`,
    );
  }
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    insertUserWithDefaults(tx, { email, name: 'Administrator', passwordHash, roles: ['admin', 'crm_admin', 'crm'] });
  });
  return email;
}

/** How many migrations drizzle has recorded as applied (0 on a new file). */
function appliedMigrationCount(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0;
}

function migrationTags(folder: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((entry) => entry.tag);
}

/** The active demo accounts that still sign in with the published demo password. */
async function demoSignIns(db: Db): Promise<StartupReport['demoSignIns']> {
  const rows = db
    .select({ email: users.email, roles: users.roles, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_USERS.map((user) => user.email),
      ),
    )
    .all();
  const open = await Promise.all(rows.map(async (row) => row.active && (await verifyPassword(row.passwordHash, DEMO_PASSWORD))));
  const order = (email: string) => DEMO_USERS.findIndex((user) => user.email === email);
  return rows
    .filter((_, index) => open[index])
    .sort((a, b) => order(a.email) - order(b.email))
    .map((row) => ({ email: row.email, roles: row.roles }));
}

export async function prepareDatabase(): Promise<StartupReport> {
  const { sqlite, db, file } = connection();
  const folder = migrationsFolder();
  const before = appliedMigrationCount(sqlite);
  migrateDatabase(sqlite, folder);
  const after = appliedMigrationCount(sqlite);
  let seeded: StartupReport['seeded'] = null;
  if (!db.select({ id: users.id }).from(users).limit(1).get()) {
    if (process.env.CRM_SEED === 'none') seeded = { kind: 'admin', email: await createInitialAdmin(db) };
    else {
      await seedDemoData(db);
      seeded = { kind: 'demo', password: DEMO_PASSWORD };
    }
  }
  return { file, migrated: migrationTags(folder).slice(before, after), migrationCount: after, seeded, demoSignIns: await demoSignIns(db) };
}
