// The data manager's figure of SPEC section 13: every ticket with every column exported while a second
// client keeps asking for a ticket page; time, server memory growth and the ping latencies.
// Wire into bench/run.ts: `await measureDataManagerExport(server.url, cookie, server.process.pid!, facts.ticket)`.
// Run alone (`BENCH_DATABASE_PATH=… npx tsx --conditions=react-server bench/data-manager.ts`) it measures
// the stream in this process instead, without a server.
import { percentile, timeRequest } from './measure';
import { rssMb } from './server';

const EXPORT_PATH = '/data-manager/export/tickets?dialect=excel';

async function countLines(body: AsyncIterable<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { bytes, lines };
}

export async function measureDataManagerExport(url: string, cookie: string, pid: number, ticketId: number) {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  let exporting = true;
  const pings: number[] = [];
  const pinger = (async () => {
    while (exporting) pings.push((await timeRequest(`${url}/tickets/${ticketId}`, { headers: { cookie } })).ms);
  })();
  const started = performance.now();
  const response = await fetch(`${url}${EXPORT_PATH}`, { headers: { cookie } });
  const { bytes, lines } = await countLines(response.body as unknown as AsyncIterable<Uint8Array>);
  const seconds = (performance.now() - started) / 1000;
  exporting = false;
  await pinger;
  clearInterval(sampler);
  // Lines, not records: a cell with a line break would add one; the generated data has none.
  return { status: response.status, seconds, mb: bytes / 1024 / 1024, rows: lines - 1, rssBefore: before, rssPeak: peak, rssGrowth: peak - before, pingMedian: percentile(pings, 50), pingP975: percentile(pings, 97.5), pings: pings.length };
}

/** In-process: the stream of every ticket with every column, as a crm user, against a data set file. */
async function measureInProcess(file: string) {
  process.env.DATABASE_PATH = file;
  const { parseExportRequest } = await import('@/lib/data-manager/params');
  const { dataExportStream } = await import('@/lib/data-manager/queries');
  const { translator } = await import('@/lib/i18n');
  const user = { id: 1, email: 'bench@example.com', name: 'Bench', roles: ['crm' as const], locale: 'de' as const };
  const parsed = parseExportRequest('tickets', new URLSearchParams('dialect=excel'), user);
  if (!parsed.request) throw new Error(JSON.stringify(parsed.problem));
  global.gc?.();
  const before = process.memoryUsage().rss / 1024 / 1024;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1024 / 1024)), 20);
  const started = performance.now();
  const stream = dataExportStream(user, parsed.request, translator('de'));
  const { bytes, lines } = await countLines(stream as unknown as AsyncIterable<Uint8Array>);
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, mb: bytes / 1024 / 1024, rows: lines - 1, rssBefore: Math.round(before), rssGrowth: Math.round(peak - before) };
}

if (process.argv[1]?.endsWith('data-manager.ts') && process.env.BENCH_DATABASE_PATH) {
  measureInProcess(process.env.BENCH_DATABASE_PATH).then((figures) => console.log(JSON.stringify(figures)));
}
