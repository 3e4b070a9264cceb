// The dashboard's group paths (`open=`), its words about the URL, and what the group tree is given.
import { describe, expect, it } from 'vitest';
import { parseGroupPath, serialiseGroupPath } from '@/lib/crm/dashboard/group-path';
import { parseDashboardParams, withoutEmptyValues } from '@/lib/crm/dashboard/params';
import { averageProbability } from '@/lib/crm/dashboard/present';
import { parameterLabel, usersRangeInverted } from '@/lib/crm/dashboard/problems';
import { groupsOverlap, type GroupNode, type Totals } from '@/lib/crm/dashboard/tree';
import { groupLimit, visibleTree, type VisibleGroup } from '@/lib/crm/dashboard/view';
import { formatter, translator } from '@/lib/i18n';

const countVisible = (groups: readonly VisibleGroup[]): number =>
  groups.reduce((sum, group) => sum + 1 + countVisible(group.visibleGroups), 0);

const totals = (count: number, probabilityCount = count): Totals => ({
  count,
  sumPotentialCents: 0,
  sumWeightedCents: 0,
  avgProbability: 50.25,
  probabilityCount,
  sumExpectedUsers: 0,
});
const node = (id: GroupNode['id'], count: number, groups: GroupNode[] = []): GroupNode => ({
  key: 'crmStatus',
  id,
  label: String(id),
  ...totals(count),
  phases: { open: totals(count), won: totals(0), lost: totals(0) },
  atRisk: totals(0),
  groups,
});

describe('group paths (open=)', () => {
  it('names a leaf by one id per level, none for the empty group, the status key for ticket status', () => {
    const groupBy = parseDashboardParams({ groupBy: 'crmStatus,product,ticketStatus' }).params.groupBy;
    expect(parseGroupPath('3.none.parked', groupBy)).toEqual({ path: [3, null, 'parked'], problem: null });
    expect(serialiseGroupPath([3, null, 'parked'])).toBe('3.none.parked');
    expect(parseGroupPath(undefined, groupBy)).toEqual({ path: null, problem: null });
  });

  it('refuses what the registry does not allow: wrong depth, a text id, an unknown status, an empty ticket status', () => {
    const groupBy = parseDashboardParams({ groupBy: 'crmStatus,ticketStatus' }).params.groupBy;
    for (const value of ['3', '3.open.1', 'abc.open', '3.offen', '3.none', '-1.open', '1e3.open', '1;drop.open']) {
      expect(parseGroupPath(value, groupBy), value).toEqual({ path: null, problem: { param: 'open', value, problem: 'invalid' } });
    }
    expect(parseGroupPath('1', []).problem).toEqual({ param: 'open', value: '1', problem: 'invalid' });
  });
});

describe('what the dashboard says about its URL', () => {
  it('names the field by its label, not by the parameter', () => {
    const t = translator('de');
    expect(t(parameterLabel('crmStatus')!)).toBe('CRM-Ticketstatus');
    expect(t(parameterLabel('contact')!)).toBe('Kontakt');
    expect(t(parameterLabel('usersTo')!)).toBe('Benutzergröße bis');
    expect(t(parameterLabel('groupBy')!)).toBe('Gruppierung');
    expect(t(parameterLabel('ticketStatus')!)).toBe('Ticketstatus');
    expect(translator('en')(parameterLabel('revenueGroup')!)).toBe('Revenue group');
    expect(parameterLabel('bogus')).toBeNull();
  });

  it('tells a "von" above the "bis" apart from a valid range', () => {
    expect(usersRangeInverted(parseDashboardParams({ usersFrom: '50', usersTo: '10' }).params)).toBe(true);
    expect(usersRangeInverted(parseDashboardParams({ usersFrom: '10', usersTo: '10' }).params)).toBe(false);
    expect(usersRangeInverted(parseDashboardParams({ usersFrom: '50' }).params)).toBe(false);
  });

  it('drops empty parameters (a submitted filter form) and leaves a clean query alone', () => {
    expect(
      withoutEmptyValues({ crmStatus: ['1', ''], usersFrom: '', usersTo: ' ', partnerQuery: '', groupBy: 'product' })?.toString(),
    ).toBe('crmStatus=1&groupBy=product');
    expect(withoutEmptyValues({ usersFrom: '' })?.toString()).toBe('');
    expect(withoutEmptyValues({ crmStatus: ['1', '2'], groupBy: 'product' })).toBeNull();
    // What a hostile query string makes of a plain object's inherited names.
    const hostile = JSON.parse('{"usersFrom": ""}') as Record<string, string | string[] | undefined>;
    Object.assign(hostile, { hasOwnProperty: [Object.prototype.hasOwnProperty, '-1'] });
    expect(withoutEmptyValues(hostile)?.toString()).toBe('hasOwnProperty=-1');
  });

  it('says how many tickets the average Abschlusschance is taken over', () => {
    expect(averageProbability({ ...totals(143, 10), avgProbability: 50.3 }, translator('de'), formatter('de'))).toBe(
      '50,3\u00a0% aus 10 von 143',
    );
    expect(averageProbability({ ...totals(1200, 1000), avgProbability: 50.3 }, translator('en'), formatter('en'))).toBe(
      '50.3% from 1,000 of 1,200',
    );
    expect(averageProbability({ ...totals(3, 0), avgProbability: null }, translator('de'), formatter('de'))).toBe('—');
  });
});

describe('groupsOverlap', () => {
  it('is true where groups together count more tickets than their parent, at any level', () => {
    expect(groupsOverlap(5, [node(1, 3), node(2, 2)])).toBe(false);
    expect(groupsOverlap(5, [node(1, 3), node(2, 3)])).toBe(true);
    expect(groupsOverlap(5, [node(1, 5, [node(1, 4), node(2, 2)])])).toBe(true);
    expect(groupsOverlap(5, [node(1, 5, [node(1, 4), node(2, 1)])])).toBe(false);
  });
});

describe('visibleTree with an opened group', () => {
  const tree = Array.from({ length: 20 }, (_, outer) =>
    node(
      outer + 1,
      300,
      Array.from({ length: 20 }, (__, inner) => node(inner + 1, 15)),
    ),
  );

  it('a large tree shows no tickets, except under the group the URL opened, which it marks expanded', () => {
    const plain = visibleTree(tree);
    expect(plain.open).toBe(false);
    expect(plain.leafPaths).toEqual([]);
    const opened = visibleTree(tree, undefined, [3, 7]);
    expect(opened.leafPaths).toEqual([[3, 7]]);
    expect(opened.groups[2].expanded).toBe(true);
    expect(opened.groups[2].visibleGroups[6]).toMatchObject({ expanded: true, showTickets: true });
    expect(opened.groups[2].visibleGroups[5]).toMatchObject({ expanded: false, showTickets: false });
    expect(opened.groups[1].expanded).toBe(false);
  });

  it("lets the opened group's rows take the place of groups in a large tree", () => {
    const opened = visibleTree(tree, { groups: 300, tickets: 300, open: 30 }, [1, 1]);
    expect(countVisible(opened.groups)).toBe(300 - 15);
    expect(opened.hiddenGroups).toBe(420 - 285);
  });

  it('renders the opened group even beyond the group limit', () => {
    const opened = visibleTree(tree, { groups: 30, tickets: 300, open: 30 }, [19, 2]);
    expect(opened.leafPaths).toEqual([[19, 2]]);
    expect(opened.groups.at(-1)?.id).toBe(19);
    expect(opened.groups.at(-1)?.visibleGroups.map((group) => group.id)).toEqual([2]);
  });
});

describe('groupLimit', () => {
  it('renders fewer groups the longer the view and with the phase split, never more than 400', () => {
    expect(groupLimit(20, false)).toBe(400);
    expect(groupLimit(20, true)).toBeLessThan(400);
    expect(groupLimit(600, true)).toBeLessThan(groupLimit(100, true));
    // Every limit keeps the estimated tree within the page's budget.
    for (const length of [0, 50, 300, 600, 1200])
      for (const phases of [false, true])
        expect(groupLimit(length, phases) * (460 + (phases ? 110 : 0) + length)).toBeLessThanOrEqual(230_000);
  });
});
