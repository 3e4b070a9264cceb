// Pure logic of the group tree: raw SQL sums to totals, rows of each level to nested groups in
// the lookup's admin order with the empty group last.
import { PHASES, type Phase } from '@/db/schema';
import { compareKeys } from '@/lib/order/sort-key';
import type { GroupKey } from './params';

export type GroupId = number | string | null;

/** What SQL returns per group (integers as BigInt, so no sum loses a cent). */
export type RawTotals = {
  n: bigint;
  potential: bigint;
  weighted: bigint;
  probability_sum: bigint;
  probability_count: bigint;
  users: bigint;
};

export type Totals = {
  count: number;
  sumPotentialCents: number;
  /** Σ Umsatzpotenzial × Abschlusschance / 100, rounded once, half up, to whole cents. */
  sumWeightedCents: number;
  /** Mean Abschlusschance of the tickets that have one, to one decimal; null when none has. */
  avgProbability: number | null;
  /** How many tickets have an Abschlusschance, i.e. how many the average is taken over. */
  probabilityCount: number;
  sumExpectedUsers: number;
};

/** The totals of each phase of a group: together they are the group's (SPEC section 14). */
export type PhaseTotals = Record<Phase, Totals>;

/**
 * A group's totals, those of its phases, and those of its tickets at risk (SPEC section 17: open,
 * and stale, or the next action overdue, or none set).
 */
export type PhasedTotals = Totals & { phases: PhaseTotals; atRisk: Totals };

export type GroupNode = PhasedTotals & { key: GroupKey; id: GroupId; label: string; groups: GroupNode[] };

function toNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError('sum beyond exact range');
  return Number(value);
}

export function totalsFrom(raw: RawTotals): Totals {
  const count = Number(raw.probability_count);
  return {
    count: toNumber(raw.n),
    sumPotentialCents: toNumber(raw.potential),
    sumWeightedCents: toNumber((raw.weighted * 2n + 100n) / 200n),
    avgProbability: count === 0 ? null : Math.round((Number(raw.probability_sum) * 10) / count) / 10,
    probabilityCount: count,
    sumExpectedUsers: toNumber(raw.users),
  };
}

/** The sums of one phase of a group, at risk or not (a row of lib/crm/dashboard/level-sql.ts). */
export type PhaseRow = RawTotals & { phase: Phase; at_risk: bigint | number | null };

const RAW_COLUMNS = ['n', 'potential', 'weighted', 'probability_sum', 'probability_count', 'users'] as const;

/** Sums of no tickets, to add rows to (addSums). */
export function noSums(): RawTotals {
  return { n: 0n, potential: 0n, weighted: 0n, probability_sum: 0n, probability_count: 0n, users: 0n };
}

/** Adds a row's sums to `into`, exactly: totals of several rows are rounded once, after adding. */
export function addSums(into: RawTotals, row: RawTotals): void {
  for (const column of RAW_COLUMNS) into[column] += BigInt(row[column]);
}

/** Whether more than one phase holds tickets: then every group says how its tickets split. */
export function mixesPhases(total: PhasedTotals): boolean {
  return PHASES.filter((phase) => total.phases[phase].count > 0).length > 1;
}

/** The totals of rows of sums by phase (one per phase, or several: they are added up), rounded once. */
export function phasedTotalsOf(rows: readonly PhaseRow[]): PhasedTotals {
  const whole = noSums();
  const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, noSums()])) as Record<Phase, RawTotals>;
  const atRisk = noSums();
  for (const row of rows) {
    addSums(whole, row);
    addSums(byPhase[row.phase], row);
    if (Number(row.at_risk) === 1) addSums(atRisk, row);
  }
  return {
    ...totalsFrom(whole),
    phases: Object.fromEntries(PHASES.map((phase) => [phase, totalsFrom(byPhase[phase])])) as PhaseTotals,
    atRisk: totalsFrom(atRisk),
  };
}

/** How groups of one level are named and ordered. */
export type LevelLabels = {
  label: (id: Exclude<GroupId, null>) => string;
  /** Sort position: a number (admin position) or a German sort key (lib/order/sort-key.ts). */
  order: (id: Exclude<GroupId, null>) => number | string;
  emptyLabel: string;
};

/** The group order of page, JSON and CSV: by position or sort key, ties by id, the empty group last. */
export function compareGroups(labels: LevelLabels, a: GroupId, b: GroupId): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const orderA = labels.order(a);
  const orderB = labels.order(b);
  const byOrder = typeof orderA === 'number' && typeof orderB === 'number' ? orderA - orderB : compareKeys(String(orderA), String(orderB));
  if (byOrder !== 0) return byOrder;
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareKeys(String(a), String(b));
}

export type LevelRow = { keys: GroupId[]; totals: PhasedTotals };

/** Nests the rows of levels 1…n (rows of level i carry i keys) into the ordered group tree. */
export function buildTree(levels: readonly GroupKey[], rowsPerLevel: LevelRow[][], labels: LevelLabels[]): GroupNode[] {
  // Rows of each level by their parent path, so nesting stays linear for thousands of groups.
  const byParent = rowsPerLevel.map((rows, depth) => {
    const index = new Map<string, LevelRow[]>();
    for (const row of rows) {
      const parent = JSON.stringify(row.keys.slice(0, depth));
      const siblings = index.get(parent);
      if (siblings) siblings.push(row);
      else index.set(parent, [row]);
    }
    return index;
  });
  const build = (depth: number, prefix: GroupId[]): GroupNode[] => {
    if (depth >= levels.length) return [];
    const rows = byParent[depth]?.get(JSON.stringify(prefix)) ?? [];
    return rows
      .map((row) => {
        const id = row.keys[depth];
        return {
          key: levels[depth],
          id,
          label: id === null ? labels[depth].emptyLabel : labels[depth].label(id),
          ...row.totals,
          groups: build(depth + 1, [...prefix, id]),
        };
      })
      .sort((a, b) => compareGroups(labels[depth], a.id, b.id));
  };
  return build(0, []);
}

/**
 * Whether some groups together count more tickets than their parent (or the grand total): a
 * ticket with several products or campaigns stands in each of their groups.
 */
export function groupsOverlap(total: number, groups: readonly GroupNode[]): boolean {
  const sum = groups.reduce((acc, group) => acc + group.count, 0);
  return sum > total || groups.some((group) => groupsOverlap(group.count, group.groups));
}
