// Writes the measured figures into bench/README.md between its result markers.
import fs from 'node:fs';
import type { CpuShares } from './cpu';
import type { DownloadFigures } from './download';
import { FOLLOWUPS_FEED, FOLLOWUPS_PAGE } from './followups';
import type { LoadPhase, LoadPlan } from './load-phase';
import { medianAlone, type TargetVerdict } from './load-targets';
import type { Summary } from './measure';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const TARGETS: Record<string, string> = {
  'dashboard, 3 filters, 3 levels': '< 150 ms median',
  'dashboard, unfiltered (default grouping)': '< 600 ms median',
  'dashboard, unfiltered, 3 levels': '< 600 ms median',
  'forecast, 12 months by CRM status': '< 300 ms median',
  'forecast JSON, 24 months by product': '< 300 ms median',
  'ticket page': '< 100 ms median',
  'partner page': '< 100 ms median',
  'ticket board, 8 columns': '< 200 ms median',
  'pipeline board, 8 columns (Bearbeiter of a team of 8)': '< 200 ms median, < 300 KB',
  'pipeline board, columns by CRM status': '< 200 ms median, < 300 KB',
  'board move, CRM status (the write alone, in process)': '< 50 ms median',
  'board move, Bearbeiter (the write alone, in process)': '< 50 ms median',
  'save (CRM panel form post)': '< 50 ms median (incl. page re-render)',
  'save, the write alone (in process)': '< 50 ms median',
  [FOLLOWUPS_PAGE]: '< 150 ms median',
  [FOLLOWUPS_FEED]: '< 200 ms median',
};

const ms = (value: number) => `${value.toFixed(0)} ms`;
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

/** One level of the mixed load; only a judged level's verdicts count as the targets' result. */
export type LoadLevel = { title: string; judged: boolean; plan: LoadPlan };
export type LoadReport = LoadLevel & { phase: LoadPhase; verdicts: TargetVerdict[] };

function loadSection({ title, judged, phase, verdicts }: LoadReport, alone: Record<string, Summary>): string[] {
  const { figures, loop, saves, cpu } = phase;
  const aloneCell = (name: string) => {
    const atStart = alone[name]?.median;
    const before = phase.aloneBefore[name]?.median;
    return atStart === undefined
      ? ''
      : before === undefined
        ? ms(atStart)
        : `${ms(atStart)} / ${ms(before)} → ${ms(medianAlone(name, alone, phase)!)}`;
  };
  const [thinkMin, thinkMax] = figures.thinkMs.map((value) => (value / 1000).toFixed(1));
  return [
    `**${title}**: ${figures.users} virtual users for ${figures.seconds.toFixed(0)} s, each pausing ${thinkMin}–${thinkMax} s after every answer, while one CSV export after another ran alongside (CRM dashboard and Daten Manager tickets in turn): ${figures.requests} requests, ${figures.perSecond.toFixed(1)} per second, and ${figures.exports.runs} exports (${figures.exports.errors} failed; median ${figures.exports.medianSeconds.toFixed(2)} s, slowest ${figures.exports.maxSeconds.toFixed(2)} s, ${figures.exports.mb.toFixed(0)} MB in all, gzip-compressed as sent).`,
    '',
    '| route under load | runs | median | p99 | max | errors | refused as stale | median alone (run start / just before → judged by) |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(figures.routes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, r]) =>
          `| ${name} | ${r.runs} | ${ms(r.median)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} | ${r.conflicts} | ${aloneCell(name)} |`,
      ),
    '',
    `Server during the phase: event-loop delay (beyond Node's 10 ms sampling tick, ${loop.samples} samples) p50 ${loop.p50.toFixed(1)} ms, p99 ${loop.p99.toFixed(1)} ms, max ${loop.max.toFixed(1)} ms; event loop busy ${percent(loop.utilization)} of the time; processors (both cores together) used by the server ${percent(cpu.server)}, by the benchmark's own clients ${percent(cpu.bench)}, by other work on the machine ${percent(cpu.others)}, idle ${percent(cpu.idle)}; resident memory ${phase.rssBefore.toFixed(0)} MB before, peak ${phase.rssPeak.toFixed(0)} MB (VmHWM ${phase.peakSincePhase ? 'restarted at the phase start' : 'since the server started'}). Saves answered ok: ${saves.accepted} on ${saves.tickets} tickets, ${saves.lost} missing from the CRM history, ${saves.wrongFinalValue} tickets not holding their last save.`,
    '',
    `| target (issue 8)${judged ? '' : ', for comparison only'} | measured | result |`,
    '|---|---|---|',
    ...verdicts.map((v) => `| ${v.target} | ${v.measured} | ${v.pass ? 'PASS' : 'FAIL'}${judged ? '' : ' (not judged)'} |`),
    '',
  ];
}

export function writeFigures(
  file: string,
  figures: {
    machine: string;
    dataSet: string;
    loadAverage: number;
    aloneCpu: CpuShares;
    results: Record<string, Summary>;
    downloads: DownloadFigures[];
    loads: LoadReport[];
  },
): void {
  const rows = Object.entries(figures.results).map(
    ([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.p99)} | ${s.runs} | ${s.errors} | ${s.kb} KB | ${TARGETS[name] ?? ''} |`,
  );
  const block = [
    START,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${figures.machine}; data set: ${figures.dataSet}. Load average of the machine (1 min) before the run: ${figures.loadAverage.toFixed(2)}; while the table below was measured, other work on the machine used ${percent(figures.aloneCpu.others)} of both cores (the server ${percent(figures.aloneCpu.server)}, the benchmark ${percent(figures.aloneCpu.bench)}).`,
    '',
    '| what | median | p99 | runs | errors | size | target |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...figures.downloads.map(
      (e) =>
        `${e.what}: HTTP ${e.status}, ${e.rows.toLocaleString('en')} rows, ${e.mb.toFixed(1)} MB in ${e.seconds.toFixed(2)} s (target < 5 s); server memory ${e.rssBefore.toFixed(0)} MB before, ${e.rssPeak.toFixed(0)} MB at peak, growth ${(e.rssPeak - e.rssBefore).toFixed(0)} MB (target < 100 MB). Meanwhile a second client fetched a ticket page ${e.pings} times: median ${ms(e.pingMedian)}, p97.5 ${ms(e.pingP975)}.\n`,
    ),
    ...figures.loads.flatMap((load) => loadSection(load, figures.results)),
    END,
  ].join('\n');
  const current = fs.readFileSync(file, 'utf8');
  const next = current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block)
    : `${current.trimEnd()}\n\n## Figures\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
