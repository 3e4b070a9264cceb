// `npm run bench:burst`: is one user's burst of heavy reads fair to another user (issue 17)? One
// client sends six heavy summary API requests at once as crm@example.com while another fetches the
// ticket board as agent@example.com; the agent's board is timed alone and during the burst. Each
// variant (server switches, as in bench/ab.ts) in turn, three rounds. Needs a build.
import path from 'node:path';
import { measure, percentile, timeRequest } from './measure';
import { sessionCookie, startServer } from './server';

const root = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.env.BENCH_DATABASE_PATH ?? path.join(root, 'bench', 'results', 'bench-10000-100000.sqlite'));
const HEAVY = '/api/v1/crm/summary?groupBy=crmStatus,product,assignee,companySize';
/** BENCH_BURST_VARIANTS (JSON, `[{ name, env }]`) measures other builds' switches. */
const VARIANTS: { name: string; env: Record<string, string> }[] = process.env.BENCH_BURST_VARIANTS
  ? JSON.parse(process.env.BENCH_BURST_VARIANTS)
  : [
      { name: 'taking turns between users', env: {} },
      { name: 'first come, first served', env: { CRM_READ_LINE: '0' } },
    ];
const ROUNDS = 3;

async function oneTurn(variant: (typeof VARIANTS)[number]) {
  const server = await startServer(file, variant.env);
  try {
    const crm = { cookie: await sessionCookie(file, 'crm@example.com') };
    const agent = { cookie: await sessionCookie(file, 'agent@example.com') };
    const heavy = await measure(`${server.url}${HEAVY}`, { headers: crm }, 3, 1);
    const alone = await measure(`${server.url}/ticketboard`, { headers: agent }, 5);
    const during: number[] = [];
    const bursts: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const started = performance.now();
      const burst = Promise.all(Array.from({ length: 6 }, () => timeRequest(`${server.url}${HEAVY}`, { headers: crm })));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const page = await timeRequest(`${server.url}/ticketboard`, { headers: agent });
      during.push(page.ms);
      await burst;
      bursts.push(performance.now() - started);
      if (page.status !== 200) throw new Error(`board answered ${page.status}`);
    }
    return {
      heavy: heavy.median,
      alone: alone.median,
      during: percentile(during, 50),
      worst: Math.max(...during),
      burst: percentile(bursts, 50),
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const rows: string[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const variant of VARIANTS) {
      const r = await oneTurn(variant);
      const ms = (value: number) => `${value.toFixed(0)} ms`;
      rows.push(`| ${variant.name} (${round}) | ${ms(r.heavy)} | ${ms(r.alone)} | ${ms(r.during)} / ${ms(r.worst)} | ${ms(r.burst)} |`);
      console.log(rows.at(-1));
    }
  }
  console.log(
    [
      '| variant (round) | one heavy summary alone | agent board alone | agent board during the burst (median / worst of 3) | whole burst |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
