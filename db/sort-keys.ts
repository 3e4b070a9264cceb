// Fills the German sort keys (lib/order/sort-key.ts) of rows that have none: rows from before the
// column existed (a migration cannot call JavaScript) and rows written by raw SQL. Idempotent.
import type Database from 'better-sqlite3';
import { contactSortKey, germanSortKey } from '@/lib/order/sort-key';

const BATCH = 1000;

function backfill<Row extends { id: number }>(
  sqlite: Database.Database,
  table: 'partners' | 'users' | 'contacts',
  columns: string,
  key: (row: Row) => string,
): number {
  const select = sqlite.prepare(`select id, ${columns} from ${table} where sort_name is null limit ${BATCH}`);
  const update = sqlite.prepare(`update ${table} set sort_name = ? where id = ?`);
  let filled = 0;
  for (;;) {
    const rows = select.all() as Row[];
    if (rows.length === 0) return filled;
    sqlite.transaction(() => {
      for (const row of rows) update.run(key(row), row.id);
    })();
    filled += rows.length;
  }
}

/** How many rows got a sort key. */
export function backfillSortKeys(sqlite: Database.Database): number {
  return (
    backfill<{ id: number; name: string }>(sqlite, 'partners', 'name', (row) => germanSortKey(row.name)) +
    backfill<{ id: number; name: string }>(sqlite, 'users', 'name', (row) => germanSortKey(row.name)) +
    backfill<{ id: number; firstName: string; lastName: string }>(
      sqlite,
      'contacts',
      'first_name as firstName, last_name as lastName',
      contactSortKey,
    )
  );
}
