// Applies pending migrations all-or-nothing, with foreign keys off so table rebuilds cannot cascade.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backfillSortKeys } from './sort-keys';

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'db', 'migrations');
}

export function migrateDatabase(sqlite: Database.Database, folder = migrationsFolder()): void {
  // SQLite ignores this pragma inside a transaction, and drizzle runs all migrations in one:
  // switch it off on the connection first, check afterwards, then switch it back on.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration left ${violations.length} foreign key violation(s)`);
    }
    backfillSortKeys(sqlite);
    sqlite.exec('ANALYZE');
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
