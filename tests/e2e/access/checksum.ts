// A checksum of the whole database, to tell whether a request changed anything.
import crypto from 'node:crypto';
import type { e2eDb } from '../support';

type Db = ReturnType<typeof e2eDb>;

/**
 * Tables left out, each because it changes without any access being granted:
 * - login_attempts: every sign-in, successful or not, writes a throttle row (SPEC section 11), and bumps
 *   its AUTOINCREMENT counter in sqlite_sequence;
 * - sessions: every sign-in opens a server-side session, every signed-in request may note that it was
 *   seen, and every sign-out ends one (tests/e2e/auth.spec.ts checks what that grants);
 * - sqlite_stat1 / sqlite_stat4: the query planner's statistics, rewritten by ANALYZE / PRAGMA optimize.
 */
const EXCLUDED = new Set(['login_attempts', 'sessions', 'sqlite_stat1', 'sqlite_stat4']);

/** The last checksum of each connection, and the state of the database it was taken in. */
const last = new WeakMap<Db, { state: string; checksum: string }>();

/**
 * Changes whenever anything was committed since: `data_version` when another connection (the server)
 * committed, `total_changes()` when this connection wrote (the fixtures).
 */
function commitState(db: Db): string {
  return `${db.pragma('data_version', { simple: true })}:${db.prepare('select total_changes()').pluck().get()}`;
}

/**
 * Every row of every other table, and of sqlite_sequence (the AUTOINCREMENT counters) those of the
 * other tables. Taken anew only when something was committed since the last one.
 */
export function databaseChecksum(db: Db): string {
  const state = commitState(db);
  const previous = last.get(db);
  if (previous?.state === state) return previous.checksum;
  const hash = crypto.createHash('sha256');
  const tables = db.prepare(`select name from sqlite_master where type = 'table' order by name`).pluck().all() as string[];
  for (const table of tables.filter((name) => !EXCLUDED.has(name))) {
    hash.update(`\n${table}\n`);
    for (const row of db.prepare(`select * from "${table}" order by rowid`).raw().iterate() as Iterable<unknown[]>) {
      if (table === 'sqlite_sequence' && EXCLUDED.has(String(row[0]))) continue;
      hash.update(JSON.stringify(row));
    }
  }
  const checksum = hash.digest('hex');
  last.set(db, { state, checksum });
  return checksum;
}
