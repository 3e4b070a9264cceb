// `npm run db:migrate`: applies pending migrations to the database at DATABASE_PATH (the server also does this at start).
import { databasePath, openSqlite } from './client';
import { migrateDatabase } from './migrate';

const file = databasePath();
const sqlite = openSqlite(file);
try {
  migrateDatabase(sqlite);
  console.log(`Migrated ${file}.`);
} finally {
  sqlite.close();
}
