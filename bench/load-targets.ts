// The targets of the mixed-load phase (issue 8), judged in one place for the console and the README:
// no errors, every dashboard's p99 under load at most 3 × its median measured alone in the same
// run, and no save that answered ok missing from the database.
import type { LoadPhase } from './load-phase';
import type { Summary } from './measure';

export type TargetVerdict = { target: string; measured: string; pass: boolean };

const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * A page's median alone: the lower of the two measurements (at the start of the run and just before
 * the phase), so that a stretch of other work on a shared machine cannot loosen the target.
 */
export function medianAlone(name: string, atStart: Record<string, Summary>, phase: LoadPhase): number | undefined {
  const medians = [atStart[name]?.median, phase.aloneBefore[name]?.median].filter((value): value is number => value !== undefined);
  return medians.length > 0 ? Math.min(...medians) : undefined;
}

export function judgeLoad(phase: LoadPhase, atStart: Record<string, Summary>): TargetVerdict[] {
  const { figures: load, saves } = phase;
  const routeErrors = Object.values(load.routes).reduce((sum, route) => sum + route.errors, 0);
  const verdicts: TargetVerdict[] = [
    {
      target: 'no errors (non-2xx, network errors, saves not answered ok, failed exports)',
      measured: `${routeErrors} in ${load.requests} requests, ${load.exports.errors} in ${load.exports.runs} exports`,
      pass: routeErrors === 0 && load.exports.errors === 0,
    },
  ];
  for (const [name, route] of Object.entries(load.routes)) {
    const alone = name.startsWith('dashboard') ? medianAlone(name, atStart, phase) : undefined;
    if (alone === undefined) continue;
    verdicts.push({
      target: `${name}: p99 under load ≤ 3 × median alone (3 × ${ms(alone)} = ${ms(3 * alone)})`,
      measured: `p99 ${ms(route.p99)} (${(route.p99 / alone).toFixed(1)} ×)`,
      pass: route.p99 <= 3 * alone,
    });
  }
  verdicts.push({
    target: 'saves never lost: every save answered ok is in the database',
    measured: `${saves.lost} of ${saves.accepted} accepted saves missing from the history; ${saves.wrongFinalValue} of ${saves.tickets} tickets not holding their last save`,
    pass: saves.accepted > 0 && saves.lost === 0 && saves.wrongFinalValue === 0,
  });
  return verdicts;
}
