// A whole CSV download while a second client keeps fetching a page: time, size, the server's
// memory growth (sampled every 50 ms) and how the other client fared meanwhile.
import { percentile, timeRequest } from './measure';
import { rssMb } from './server';

export type DownloadFigures = {
  what: string;
  status: number;
  seconds: number;
  mb: number;
  rows: number;
  rssBefore: number;
  rssPeak: number;
  pingMedian: number;
  pingP975: number;
  pings: number;
};

export async function measureDownload(
  what: string,
  url: string,
  path: string,
  pingPath: string,
  cookie: string,
  pid: number,
): Promise<DownloadFigures> {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  let downloading = true;
  const pings: number[] = [];
  const pinger = (async () => {
    while (downloading) pings.push((await timeRequest(`${url}${pingPath}`, { headers: { cookie } })).ms);
  })();
  const started = performance.now();
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  downloading = false;
  await pinger;
  clearInterval(sampler);
  // Lines, not records: a cell with a line break would add one; the generated data has none.
  return {
    what,
    status: response.status,
    seconds,
    mb: bytes / 1024 / 1024,
    rows: lines - 1,
    rssBefore: before,
    rssPeak: peak,
    pingMedian: percentile(pings, 50),
    pingP975: percentile(pings, 97.5),
    pings: pings.length,
  };
}
