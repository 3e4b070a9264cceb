// Win rates from the won and lost figures of a group: by count (won / decided) and by value
// (Σ Umsatzpotenzial won / Σ Umsatzpotenzial decided; a ticket without a potential adds nothing).
import type { PhasedTotals } from '../dashboard/tree';

export type Outcome = {
  won: number;
  lost: number;
  wonCents: number;
  lostCents: number;
  /** Percent, one decimal; null when nothing was decided. */
  rateByCount: number | null;
  /** Percent, one decimal; null when the decided tickets carry no potential. */
  rateByValue: number | null;
};

/** `part / whole` as a percentage rounded once, half up, to one decimal (exact: BigInt). */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const permille = (BigInt(part) * 2000n + BigInt(whole)) / (2n * BigInt(whole));
  return Number(permille) / 10;
}

export function outcomeOf({ phases: { won, lost } }: Pick<PhasedTotals, 'phases'>): Outcome {
  return {
    won: won.count,
    lost: lost.count,
    wonCents: won.sumPotentialCents,
    lostCents: lost.sumPotentialCents,
    rateByCount: percentOf(won.count, won.count + lost.count),
    rateByValue: percentOf(won.sumPotentialCents, won.sumPotentialCents + lost.sumPotentialCents),
  };
}

export const NO_OUTCOME: Outcome = { won: 0, lost: 0, wonCents: 0, lostCents: 0, rateByCount: null, rateByValue: null };
