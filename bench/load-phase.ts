// The mixed-load phase of `npm run bench`: the judged pages measured alone once more just before,
// then the mix run against the server with the ticket board's 8 columns in place, the server's own
// event-loop delay, peak memory and everyone's share of the processors over exactly that phase,
// then the check that no accepted save is missing.
import { withBenchBoard } from './board';
import { cpuShares, cpuSnapshot, type CpuShares } from './cpu';
import { runMixedLoad, type LoadFigures } from './load';
import { measure, type Summary } from './measure';
import { createMix, readMixFacts, type MixRoute } from './mix';
import { checkSavesKept, lastHistoryId, type SavesKept } from './saves-kept';
import { peakRssMb, resetPeakRss, rssMb, type BenchServer, type LoopDelay } from './server';

export type LoadPhase = {
  /** The pages named by the plan's `reference`, each fetched alone 10 times right before the phase. */
  aloneBefore: Record<string, Summary>;
  figures: LoadFigures;
  loop: LoopDelay;
  cpu: CpuShares;
  rssBefore: number;
  rssPeak: number;
  /** False when the kernel refused to restart the high-water mark: then the peak is since the server started. */
  peakSincePhase: boolean;
  saves: SavesKept;
};

export type LoadPlan = {
  users: number;
  seconds: number;
  thinkMs: [number, number];
  ticketsPerUser: number;
  routes: MixRoute[];
  /** Routes of the mix whose time alone is measured again just before the phase. */
  reference: string[];
  exportPaths: string[];
};

export async function measureLoadPhase(server: BenchServer, cookie: string, file: string, plan: LoadPlan): Promise<LoadPhase> {
  const facts = readMixFacts(file, plan.users, plan.ticketsPerUser);
  const aloneBefore: Record<string, Summary> = {};
  for (const route of plan.routes.filter((candidate) => plan.reference.includes(candidate.name))) {
    aloneBefore[route.name] = await measure(`${server.url}${route.path!(Math.random, facts)}`, { headers: { cookie } }, 10);
  }
  const mix = createMix(server.url, cookie, facts, plan.routes);
  await mix.prepare();
  const since = lastHistoryId(file);
  const pid = server.process.pid!;
  const rssBefore = rssMb(pid);
  const peakSincePhase = resetPeakRss(pid);
  await server.markLoopDelay();
  const cpuBefore = cpuSnapshot(pid);
  const figures = await withBenchBoard(file, () =>
    runMixedLoad({
      users: plan.users,
      seconds: plan.seconds,
      thinkMs: plan.thinkMs,
      seed: 8,
      act: mix.act,
      exports: { url: server.url, cookie, paths: plan.exportPaths },
    }),
  );
  const cpu = cpuShares(cpuBefore, cpuSnapshot(pid));
  const loop = await server.markLoopDelay();
  const rssPeak = peakRssMb(pid);
  return { aloneBefore, figures, loop, cpu, rssBefore, rssPeak, peakSincePhase, saves: checkSavesKept(file, since, mix.accepted) };
}
