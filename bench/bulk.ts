// Bulk changes at scale (issue 20: a bulk change of 5,000 tickets and its undo under 2 s each at
// 100,000 tickets): the write alone, in process, on the bench data set. A dashboard group of about
// 5,000 CRM tickets (the CRM status nearest that size) gets a new Abschlusschance, then a new
// CRM-Status, and each is undone; every run changes every ticket of the group. Run alone with
// `tsx --conditions=react-server bench/bulk.ts <database file>`; bench/run.ts calls measureBulkChanges.
import path from 'node:path';
import { drizzleOf, openSqlite } from '@/db/client';
import { applyBulkChange } from '@/lib/crm/bulk/apply';
import type { BulkChange } from '@/lib/crm/bulk/change';
import { parseBulkSelection } from '@/lib/crm/bulk/selection';
import { undoBulkChange } from '@/lib/crm/bulk/undo';
import { summarise, type Sample, type Summary } from './measure';
import { benchCrmUser } from './crm-user';

export const BULK_TARGET_MS = 2_000;
const GROUP_SIZE = 5_000;

export function measureBulkChanges(file: string, runs = 3): { tickets: number; results: Record<string, Summary> } {
  const sqlite = openSqlite(file);
  const db = drizzleOf(sqlite);
  try {
    const user = benchCrmUser(sqlite);
    const group = sqlite
      .prepare(
        `select crm_status_id as id, count(*) as n from tickets where crm_enabled = 1 and crm_status_id is not null
         group by crm_status_id order by abs(count(*) - ?) limit 1`,
      )
      .get(GROUP_SIZE) as { id: number; n: number };
    const other = sqlite
      .prepare("select id from crm_ticket_statuses where id <> ? and phase = 'open' and archived = 0 order by position limit 1")
      .pluck()
      .get(group.id) as number;
    const { selection } = parseBulkSelection(new URLSearchParams({ groupBy: 'crmStatus', open: String(group.id) }));
    if (!selection) throw new Error('no selection');

    const samples: Record<string, Sample[]> = {};
    const time = (name: string, work: () => { ok: boolean }) => {
      const started = performance.now();
      const result = work();
      (samples[name] ??= []).push({ ms: performance.now() - started, status: result.ok ? 200 : 409, bytes: 0 });
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
      return result;
    };
    for (let index = 0; index < runs; index += 1) {
      const changes: [string, BulkChange][] = [
        ['Abschlusschance', { kind: 'probability', probability: 91 + index }],
        ['CRM-Status', { kind: 'crmStatus', crmStatusId: other, lostReasonId: null }],
      ];
      for (const [label, change] of changes) {
        const applied = time(`bulk change of ${group.n} tickets (${label})`, () =>
          applyBulkChange(db, user, { selection, change, expectedCount: group.n }),
        ) as { ok: true; data: { id: number } };
        time(`its undo (${label})`, () => undoBulkChange(db, user, { id: applied.data.id }));
      }
    }
    return { tickets: group.n, results: Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, summarise(list)])) };
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench/bulk.ts <database file>');
  const { results } = measureBulkChanges(file, Number(process.env.BENCH_BULK_RUNS ?? 3));
  for (const [name, summary] of Object.entries(results)) {
    const verdict = summary.max < BULK_TARGET_MS ? 'PASS' : 'FAIL';
    console.log(verdict, name.padEnd(48), JSON.stringify(summary));
  }
}
