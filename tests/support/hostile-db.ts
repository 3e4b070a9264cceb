// What the database holds, for the hostile-input tests: every table's rows as text (an exact content
// checksum of a small database), row counts, and the longest stored text.
import type Database from 'better-sqlite3';
import { DESCRIPTION_MAX } from '@/lib/tickets/schemas';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared once per connection: thousands of runs read every table. */
function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

const tableNames = (sqlite: Database.Database) =>
  prepared(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

/** Every table's rows as text, by table: a cheap, exact content checksum of a small database. */
export function tableContents(sqlite: Database.Database): Map<string, string> {
  return new Map(
    tableNames(sqlite).map((name) => [name, JSON.stringify(prepared(sqlite, `SELECT * FROM "${name}" ORDER BY rowid`).raw().all())]),
  );
}

export function rowCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(
    tableNames(sqlite).map((name) => [name, prepared(sqlite, `SELECT count(*) FROM "${name}"`).pluck().get() as number]),
  );
}

/** Rows inserted, updated or deleted on the connection so far, rolled back ones included. */
export const totalChanges = (sqlite: Database.Database) => prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;

/** The tables whose contents differ, leaving out those named in `except`. */
export function changedTables(before: Map<string, string>, after: Map<string, string>, except: readonly string[] = []): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !except.includes(name) && before.get(name) !== after.get(name));
}

/** No stored text is longer than the longest field of any schema (the ticket description). */
export function expectStoredWithinLimits(sqlite: Database.Database): void {
  for (const name of tableNames(sqlite)) {
    for (const row of prepared(sqlite, `SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
      for (const value of row) {
        if (typeof value === 'string' && value.length > DESCRIPTION_MAX)
          throw new Error(`${name} stores a text of ${value.length} characters`);
      }
    }
  }
}
