// A mixed-load phase: virtual users act at the same time, each pausing a think time between its
// requests, while CSV exports run one after another alongside. Collects per route the timings
// (whole responses), the errors and the refused saves; what a user does is up to the caller.
import { percentile, timeCompressedDownload, type Sample } from './measure';

/** One finished action of a virtual user: `failed` counts as an error, `conflict` (a refused stale save) does not. */
export type Action = { route: string; sample: Sample; failed: boolean; conflict?: boolean };

export type LoadOptions = {
  users: number;
  seconds: number;
  /** The pause between two actions of one user, drawn evenly from [min, max] ms. */
  thinkMs: [number, number];
  seed: number;
  act: (user: number, random: () => number) => Promise<Action>;
  /** Downloaded one after another, in turn, for the whole phase, compressed as a browser takes them; the one running at the end is cut off and not counted. */
  exports: { url: string; cookie: string; paths: string[] };
};

export type RouteFigures = { runs: number; median: number; p99: number; max: number; errors: number; conflicts: number };

export type LoadFigures = {
  users: number;
  seconds: number;
  thinkMs: [number, number];
  requests: number;
  perSecond: number;
  routes: Record<string, RouteFigures>;
  exports: { runs: number; errors: number; medianSeconds: number; maxSeconds: number; mb: number };
};

/** A small seeded generator (mulberry32), so that every run draws the same mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isError = (sample: Sample) => sample.status < 200 || sample.status >= 300;

export async function runMixedLoad(options: LoadOptions): Promise<LoadFigures> {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const actions: Action[] = [];

  const user = async (index: number) => {
    const random = seededRandom(options.seed + index);
    // Users start spread over the first think time, not all in the same millisecond.
    await sleep(random() * options.thinkMs[1]);
    while (performance.now() < deadline) {
      actions.push(await options.act(index, random));
      await sleep(options.thinkMs[0] + random() * (options.thinkMs[1] - options.thinkMs[0]));
    }
  };

  const stop = new AbortController();
  const downloads: Sample[] = [];
  const exporter = async () => {
    const { url, cookie, paths } = options.exports;
    for (let turn = 0; paths.length > 0 && !stop.signal.aborted; turn += 1) {
      try {
        downloads.push(await timeCompressedDownload(`${url}${paths[turn % paths.length]}`, { cookie }, stop.signal));
      } catch {
        if (!stop.signal.aborted) downloads.push({ ms: 0, status: 0, bytes: 0 });
      }
    }
  };

  const exporting = exporter();
  await Promise.all(Array.from({ length: options.users }, (_, index) => user(index)));
  const seconds = (performance.now() - started) / 1000;
  stop.abort();
  await exporting;

  const routes: Record<string, RouteFigures> = {};
  for (const route of [...new Set(actions.map((action) => action.route))]) {
    const mine = actions.filter((action) => action.route === route);
    const ms = mine.map((action) => action.sample.ms);
    routes[route] = {
      runs: mine.length,
      median: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
      errors: mine.filter((action) => action.failed || isError(action.sample)).length,
      conflicts: mine.filter((action) => action.conflict).length,
    };
  }
  const exportSeconds = downloads.filter((sample) => !isError(sample)).map((sample) => sample.ms / 1000);
  return {
    users: options.users,
    seconds,
    thinkMs: options.thinkMs,
    requests: actions.length,
    perSecond: actions.length / seconds,
    routes,
    exports: {
      runs: downloads.length,
      errors: downloads.filter(isError).length,
      medianSeconds: percentile(exportSeconds, 50),
      maxSeconds: Math.max(...exportSeconds),
      mb: downloads.reduce((sum, sample) => sum + sample.bytes, 0) / 1024 / 1024,
    },
  };
}
