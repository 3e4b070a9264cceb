// The one database connection of the process, with the pragmas the product relies on.
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'crm.sqlite'));
}

/** Opens a connection with WAL, synchronous=FULL, foreign keys on and a busy timeout. */
export function openSqlite(file = databasePath(), options: { readonly?: boolean } = {}): Database.Database {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Drizzle over a connection, with the application's schema. */
export function drizzleOf(sqlite: Database.Database): Db {
  return drizzle(sqlite, { schema });
}

type Connection = { sqlite: Database.Database; db: Db; file: string };
const globalForDb = globalThis as unknown as { crmConnection?: Connection };

/** The shared connection, opened on first use (and kept across dev-server reloads). */
export function connection(): Connection {
  const file = databasePath();
  const current = globalForDb.crmConnection;
  if (current && current.file === file && current.sqlite.open) return current;
  const sqlite = openSqlite(file);
  const created = { sqlite, db: drizzleOf(sqlite), file };
  globalForDb.crmConnection = created;
  return created;
}

export function getDb(): Db {
  return connection().db;
}

export function closeConnection(): void {
  globalForDb.crmConnection?.sqlite.close();
  globalForDb.crmConnection = undefined;
}

/** A transaction handle as Drizzle passes it to `db.transaction(...)`'s callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
