// `npm run bench:plans -- DATABASE "QUERY"`: the query plans of the dashboard's SQL for one view,
// to check that every filter and join uses an index (see bench/README.md).
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { valueContext } from '@/lib/crm/dashboard/filter-sql';
import { exportOrderQuery } from '@/lib/crm/dashboard/export-sql';
import { grandTotalQuery, leafTicketsQuery, levelTotalsQuery } from '@/lib/crm/dashboard/level-sql';

const [file, view = 'groupBy=crmStatus'] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run bench:plans -- DATABASE_FILE "crmStatus=1&groupBy=crmStatus,product"');
  process.exit(1);
}
const db = new Database(file, { readonly: true });
const { params } = parseDashboardParams(new URLSearchParams(view));
const query = { params, context: valueContext(db) };
const queries: [string, SQL][] = [
  ['grand total', grandTotalQuery(query)],
  ...params.groupBy.map((_, depth): [string, SQL] => [`level ${depth + 1}`, levelTotalsQuery(query, depth + 1)]),
  ['leaf tickets', leafTicketsQuery(query, 100)],
  ['export order', exportOrderQuery(query)],
];
for (const [name, composed] of queries) {
  const { sql, params: values } = new SQLiteSyncDialect().sqlToQuery(composed);
  const plan = db.prepare(`explain query plan ${sql}`).all(...values) as { detail: string }[];
  console.log(`${name}\n${plan.map((row) => `  ${row.detail}`).join('\n')}`);
}
db.close();
