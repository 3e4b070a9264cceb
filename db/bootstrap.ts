// First start: migrate, then fill an empty database with demo data or just the named administrator.
import type { Db } from './client';
import { connection } from './client';
import { migrateDatabase } from './migrate';
import { users } from './schema';
import { seedDemoData } from './seed/demo';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { insertUserWithDefaults } from '@/lib/users/mutations';

async function createInitialAdmin(db: Db): Promise<void> {
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
}

export async function prepareDatabase(): Promise<void> {
  const { sqlite, db } = connection();
  migrateDatabase(sqlite);
  if (db.select({ id: users.id }).from(users).limit(1).get()) return;
  if (process.env.CRM_SEED === 'none') await createInitialAdmin(db);
  else await seedDemoData(db);
}
