// The frame both seed commands share: open and migrate the database at DATABASE_PATH, refuse one
// that already has users, run the seed, close, and exit with its code.
import type Database from 'better-sqlite3';
import { databasePath, type Db, drizzleOf, openSqlite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export function runSeed(seed: (target: { db: Db; sqlite: Database.Database; file: string }) => Promise<number>): void {
  const run = async (): Promise<number> => {
    const file = databasePath();
    const sqlite = openSqlite(file);
    try {
      migrateDatabase(sqlite);
      const users = sqlite.prepare('SELECT count(*) FROM users').pluck().get() as number;
      if (users > 0) {
        console.error(
          `Refusing to seed ${file}: it already has ${users} user(s). Seed an empty database (set DATABASE_PATH to a new file).`,
        );
        return 1;
      }
      return await seed({ db: drizzleOf(sqlite), sqlite, file });
    } finally {
      sqlite.close();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
