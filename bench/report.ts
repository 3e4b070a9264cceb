// Writes the measured figures into bench/README.md between its result markers.
import fs from 'node:fs';
import type { DownloadFigures } from './download';
import type { Summary } from './measure';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const TARGETS: Record<string, string> = {
  'dashboard, 3 filters, 3 levels': '< 150 ms median',
  'dashboard, unfiltered (default grouping)': '< 600 ms median',
  'dashboard, unfiltered, 3 levels': '< 600 ms median',
  'ticket page': '< 100 ms median',
  'partner page': '< 100 ms median',
  'ticket board, 8 columns': '< 200 ms median',
  'save (CRM panel form post)': '< 50 ms median (incl. page re-render)',
  'save, the write alone (in process)': '< 50 ms median',
};

export function writeFigures(file: string, figures: { machine: string; dataSet: string; results: Record<string, Summary>; downloads: DownloadFigures[] }): void {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const rows = Object.entries(figures.results).map(
    ([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.p99)} | ${s.runs} | ${s.errors} | ${s.kb} KB | ${TARGETS[name] ?? ''} |`,
  );
  const block = [
    START,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${figures.machine}; data set: ${figures.dataSet}.`,
    '',
    '| what | median | p99 | runs | errors | size | target |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...figures.downloads.map(
      (e) =>
        `${e.what}: HTTP ${e.status}, ${e.rows.toLocaleString('en')} rows, ${e.mb.toFixed(1)} MB in ${e.seconds.toFixed(2)} s (target < 5 s); server memory ${e.rssBefore.toFixed(0)} MB before, ${e.rssPeak.toFixed(0)} MB at peak, growth ${(e.rssPeak - e.rssBefore).toFixed(0)} MB (target < 100 MB). Meanwhile a second client fetched a ticket page ${e.pings} times: median ${ms(e.pingMedian)}, p97.5 ${ms(e.pingP975)}.\n`,
    ),
    END,
  ].join('\n');
  const current = fs.readFileSync(file, 'utf8');
  const next = current.includes(START) ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block) : `${current.trimEnd()}\n\n## Figures\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
