import { describe, expect, it } from 'vitest';
import {
  buildTree,
  compareGroups,
  totalsFrom,
  type LevelLabels,
  type LevelRow,
  type PhasedTotals,
  type Totals,
} from '@/lib/crm/dashboard/tree';
import { visibleTree } from '@/lib/crm/dashboard/view';
import { germanSortKey } from '@/lib/order/sort-key';

const plain = (count: number): Totals => ({
  count,
  sumPotentialCents: count * 100,
  sumWeightedCents: count * 50,
  avgProbability: 50,
  probabilityCount: count,
  sumExpectedUsers: count,
});
// Every ticket open: the phases are the group's totals, then nothing won or lost.
const totals = (count: number): PhasedTotals => ({
  ...plain(count),
  phases: { open: plain(count), won: plain(0), lost: plain(0) },
  atRisk: plain(0),
});

const statusLabels: LevelLabels = {
  label: (id) => ({ 1: 'Bedarf ermittelt', 2: 'Angebot erstellt', 3: 'Gewonnen' })[Number(id)] ?? '?',
  order: (id) => ({ 1: 0, 2: 1, 3: 2 })[Number(id)] ?? 99,
  emptyLabel: '(ohne CRM-Status)',
};
const partnerNames: Record<number, string> = { 10: 'Zeta AG', 11: 'Ärzte eG', 12: 'alpha GmbH' };
// Names are ordered by their stored German sort key (lib/order/sort-key.ts), as the queries load it.
const partnerLabels: LevelLabels = {
  label: (id) => partnerNames[Number(id)] ?? '?',
  order: (id) => germanSortKey(partnerNames[Number(id)] ?? ''),
  emptyLabel: '(ohne Geschäftspartner)',
};

describe('totalsFrom', () => {
  it('rounds the weighted sum once, half up, and averages only tickets with a probability', () => {
    const raw = { n: 3n, potential: 1000n, weighted: 12_350n, probability_sum: 100n, probability_count: 3n, users: 7n };
    expect(totalsFrom(raw)).toEqual({
      count: 3,
      sumPotentialCents: 1000,
      sumWeightedCents: 124,
      avgProbability: 33.3,
      probabilityCount: 3,
      sumExpectedUsers: 7,
    });
    expect(totalsFrom({ ...raw, weighted: 12_349n }).sumWeightedCents).toBe(123);
    expect(totalsFrom({ ...raw, probability_count: 0n, probability_sum: 0n }).avgProbability).toBeNull();
  });

  it('refuses a sum beyond exact integers rather than returning a wrong one', () => {
    expect(() => totalsFrom({ n: 1n, potential: 2n ** 60n, weighted: 0n, probability_sum: 0n, probability_count: 0n, users: 0n })).toThrow(
      RangeError,
    );
  });
});

describe('group order', () => {
  it('follows the admin order for lookups and German alphabetical order for names, empty last', () => {
    const ids = [null, 3, 1, 2];
    expect([...ids].sort((a, b) => compareGroups(statusLabels, a, b))).toEqual([1, 2, 3, null]);
    expect([null, 10, 11, 12].sort((a, b) => compareGroups(partnerLabels, a, b))).toEqual([12, 11, 10, null]);
  });
});

describe('buildTree', () => {
  it('nests each level under its parent path and labels the empty group', () => {
    const level1: LevelRow[] = [
      { keys: [null], totals: totals(1) },
      { keys: [2], totals: totals(3) },
    ];
    const level2: LevelRow[] = [
      { keys: [2, 12], totals: totals(1) },
      { keys: [2, 10], totals: totals(2) },
      { keys: [null, null], totals: totals(1) },
    ];
    const tree = buildTree(['crmStatus', 'partner'], [level1, level2], [statusLabels, partnerLabels]);
    expect(tree.map((group) => group.label)).toEqual(['Angebot erstellt', '(ohne CRM-Status)']);
    expect(tree[0].groups.map((group) => [group.label, group.count])).toEqual([
      ['alpha GmbH', 1],
      ['Zeta AG', 2],
    ]);
    expect(tree[1].groups.map((group) => group.label)).toEqual(['(ohne Geschäftspartner)']);
  });
});

describe('visibleTree', () => {
  const leaf = (id: number, count: number) => ({ key: 'crmStatus' as const, id, label: String(id), ...totals(count), groups: [] });

  it('renders at most the group limit and counts what it leaves out', () => {
    const groups = Array.from({ length: 12 }, (_, index) => leaf(index + 1, 5));
    const visible = visibleTree(groups, { groups: 10, tickets: 1000, open: 30 });
    expect(visible.groups).toHaveLength(10);
    expect(visible.hiddenGroups).toBe(2);
  });

  it('shows tickets under leaves while the ticket budget lasts, at most 100 per group', () => {
    const visible = visibleTree([leaf(1, 250), leaf(2, 80), leaf(3, 30)], { groups: 500, tickets: 200, open: 30 });
    expect(visible.groups.map((group) => group.showTickets)).toEqual([true, true, false]);
    expect(visible.leafPaths).toEqual([[1], [2]]);
  });

  it('a large tree starts collapsed and links its leaves instead of rendering their tickets', () => {
    const visible = visibleTree(
      Array.from({ length: 40 }, (_, index) => leaf(index + 1, 3)),
      { groups: 500, tickets: 300, open: 30 },
    );
    expect(visible.open).toBe(false);
    expect(visible.leafPaths).toEqual([]);
  });
});
