// `BENCH_AB=1 npm run bench`: the A/B of the server's concurrency mechanisms in one run. Each variant
// is a server started with environment switches; the variants take turns (A, B, C, A, B, C, …), so
// that whatever else the shared machine does meanwhile hits each of them alike. Per turn: the pages
// alone, a download while a second client fetches ticket pages, and one run of the judged mixed load.
import fs from 'node:fs';
import path from 'node:path';
import { measureBoard } from './board';
import { measureDownload, type DownloadFigures } from './download';
import { judgeLoad } from './load-targets';
import { measureLoadPhase, type LoadPhase, type LoadPlan } from './load-phase';
import { measure, type Summary } from './measure';
import { sessionCookie, startServer } from './server';

export type Variant = { name: string; env: Record<string, string> };

const ROUNDS = Number(process.env.BENCH_AB_ROUNDS ?? 2);
const RUNS = 15;
const FILTERED = 'dashboard, 3 filters, 3 levels';
const UNFILTERED = 'dashboard, unfiltered (default grouping)';

type Turn = { variant: string; round: number; alone: Record<string, Summary>; download: DownloadFigures; phase: LoadPhase; pass: boolean };

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function oneTurn(
  variant: Variant,
  round: number,
  file: string,
  pages: { filtered: string; ticket: number; partner: number; crmExport: string },
  plan: LoadPlan,
): Promise<Turn> {
  const server = await startServer(file, variant.env);
  try {
    const cookie = await sessionCookie(file, 'crm@example.com');
    const headers = { cookie };
    const alone: Record<string, Summary> = {};
    alone[FILTERED] = await measure(`${server.url}/crm?${pages.filtered}`, { headers }, RUNS);
    alone[UNFILTERED] = await measure(`${server.url}/crm`, { headers }, 8);
    alone['summary API, 3 filters, 3 levels'] = await measure(`${server.url}/api/v1/crm/summary?${pages.filtered}`, { headers }, RUNS);
    alone['ticket page'] = await measure(`${server.url}/tickets/${pages.ticket}`, { headers }, RUNS);
    alone['partner page'] = await measure(`${server.url}/partners/${pages.partner}`, { headers }, RUNS);
    alone['ticket board, 8 columns'] = await measureBoard(server.url, cookie, file);
    const download = await measureDownload(
      'CRM export',
      server.url,
      pages.crmExport,
      `/tickets/${pages.ticket}`,
      cookie,
      server.process.pid!,
    );
    const phase = await measureLoadPhase(server, cookie, file, plan);
    const pass = judgeLoad(phase, alone).every((verdict) => verdict.pass);
    const turn = { variant: variant.name, round, alone, download, phase, pass };
    console.log(
      JSON.stringify({ variant: variant.name, round, alone, download, load: phase.figures.routes, exports: phase.figures.exports, pass }),
    );
    return turn;
  } finally {
    await server.stop();
  }
}

function underLoad(turn: Turn, name: string): string {
  const route = turn.phase.figures.routes[name];
  if (!route) return '—';
  const alone = Math.min(turn.alone[name].median, turn.phase.aloneBefore[name]?.median ?? Infinity);
  return `${ms(route.median)} / ${ms(route.p99)} (${(route.p99 / alone).toFixed(1)} ×)`;
}

function table(turns: Turn[]): string {
  const rows = turns.map((t) => {
    const load = t.phase.figures.routes;
    const errors = Object.values(load).reduce((sum, route) => sum + route.errors, 0) + t.phase.figures.exports.errors;
    return [
      `${t.variant} (${t.round})`,
      ms(t.alone[FILTERED].median),
      ms(t.alone[UNFILTERED].median),
      ms(t.alone['ticket board, 8 columns'].median),
      ms(t.alone['ticket page'].median),
      ms(t.alone['partner page'].median),
      `${t.download.seconds.toFixed(2)} s, ${(t.download.rssPeak - t.download.rssBefore).toFixed(0)} MB, ping ${ms(t.download.pingMedian)} / ${ms(t.download.pingP975)}`,
      underLoad(t, FILTERED),
      underLoad(t, UNFILTERED),
      load['ticket board, 8 columns'] ? ms(load['ticket board, 8 columns'].median) : '—',
      `${t.phase.figures.exports.runs}, ${t.phase.figures.exports.medianSeconds.toFixed(1)} s`,
      `${t.phase.loop.p99.toFixed(0)} / ${t.phase.loop.max.toFixed(0)} ms`,
      `${(t.phase.cpu.others * 100).toFixed(0)} %`,
      String(errors),
      t.pass ? 'PASS' : 'FAIL',
    ];
  });
  return [
    '| variant (turn) | filtered dashboard alone | unfiltered alone | board alone | ticket page alone | partner page alone | CRM export alone (time, memory growth, ticket page median / p97.5 meanwhile) | filtered dashboard under load (median / p99, p99 ÷ alone) | unfiltered under load | board under load (median) | exports under load (count, median) | event-loop delay p99 / max | other work on the machine | errors | targets |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

export async function runAb(
  file: string,
  variants: Variant[],
  pages: { filtered: string; ticket: number; partner: number; crmExport: string },
  plan: LoadPlan,
  outFile: string,
): Promise<void> {
  const turns: Turn[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const variant of variants) turns.push(await oneTurn(variant, round, file, pages, plan));
  }
  const text = [
    `A/B measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${ROUNDS} rounds, variants in turn; mixed load ${plan.seconds} s per turn.`,
    '',
    ...variants.map(
      (variant) =>
        `- ${variant.name}: ${
          Object.entries(variant.env)
            .map(([key, value]) => `\`${key}=${value}\``)
            .join(' ') || 'no switch'
        }`,
    ),
    '',
    table(turns),
  ].join('\n');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${text}\n`);
  console.log(text);
}
