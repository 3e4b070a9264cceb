// The calibration of Abschlusschance: the won/lost tickets in ten bands of the chance they had at
// entry (0–9, 10–19, …, 80–89, 90–100 %), each with how many there are and the share actually won,
// beside the band's mid chance; tickets without a chance then are counted apart.
import { percentOf } from './rates';

export const BAND_COUNT = 10;

export type BandCounts = { tickets: number; won: number; /** Percent, one decimal; null for no tickets. */ wonShare: number | null };
export type CalibrationBand = BandCounts & {
  from: number;
  to: number;
  /** The middle of the band's chances, for comparison. */ midChance: number;
};
export type Calibration = { bands: CalibrationBand[]; withoutChance: BandCounts; tickets: number };

/** The band of a chance (0–100): tens, with 100 in the last band. */
export function bandOf(chance: number): number {
  return Math.min(BAND_COUNT - 1, Math.max(0, Math.floor(chance / 10)));
}

function countsOf(tickets: number, won: number): BandCounts {
  return { tickets, won, wonShare: percentOf(won, tickets) };
}

/** The bands from how many tickets had each chance (null: none) and how many of them won. */
export function calibrationFrom(rows: readonly { chance: number | null; n: number; won: number }[]): Calibration {
  const tickets = Array.from({ length: BAND_COUNT }, () => 0);
  const won = Array.from({ length: BAND_COUNT }, () => 0);
  let without = { n: 0, won: 0 };
  for (const row of rows) {
    if (row.chance === null) {
      without = { n: without.n + row.n, won: without.won + row.won };
      continue;
    }
    const band = bandOf(row.chance);
    tickets[band] += row.n;
    won[band] += row.won;
  }
  const bands = tickets.map((n, band) => {
    const from = band * 10;
    const to = band === BAND_COUNT - 1 ? 100 : from + 9;
    return { from, to, midChance: (from + to) / 2, ...countsOf(n, won[band]) };
  });
  return {
    bands,
    withoutChance: countsOf(without.n, without.won),
    tickets: rows.reduce((sum, row) => sum + row.n, 0),
  };
}
