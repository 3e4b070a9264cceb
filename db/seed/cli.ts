// `npm run db:seed`: migrates the database at DATABASE_PATH and fills it with the German demo data.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { databasePath, openSqlite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './demo';

async function main(): Promise<number> {
  const file = databasePath();
  const sqlite = openSqlite(file);
  try {
    migrateDatabase(sqlite);
    const users = sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number;
    if (users > 0) {
      console.error(`Refusing to seed ${file}: it already has ${users} user(s). Seed an empty database (set DATABASE_PATH to a new file).`);
      return 1;
    }
    await seedDemoData(drizzle(sqlite, { schema }));
    console.log(`Demo data written to ${file}.`);
    console.log(`Sign in as ${DEMO_USERS.map((user) => user.email).join(', ')} with the password "${DEMO_PASSWORD}".`);
    return 0;
  } finally {
    sqlite.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
