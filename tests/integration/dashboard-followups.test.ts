// The dashboard's follow-up filters and at-risk totals (SPEC section 17) against a recomputation in
// plain code with lib/crm/followups/clock.ts, for random next actions, Verlauf entries, stale rules
// and clocks (fast-check, fixed seed); the JSON's and the CSV's share of it.
import Papa from 'papaparse';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { dashboardJson } from '@/lib/crm/dashboard/api';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { emptyDashboardParams, parseDashboardParams, serialiseDashboardParams, type GroupKey } from '@/lib/crm/dashboard/params';
import { summariseDashboard } from '@/lib/crm/dashboard/queries';
import type { GroupNode, Totals } from '@/lib/crm/dashboard/tree';
import { addDays, berlinInstant } from '@/lib/csv/berlin-calendar';
import {
  followupClock,
  NEXT_ACTION_STATES,
  nextActionState,
  staleDays,
  type FollowupClock,
  type NextActionState,
} from '@/lib/crm/followups/clock';
import { translator } from '@/lib/i18n';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let user: SessionUser;
const t = translator('de');
const MOVES_DEAL = ['crmStatus', 'probability', 'potential', 'expectedClose', 'products', 'campaigns'];

type Row = {
  id: number;
  statusId: number | null;
  phase: string;
  potential: number | null;
  probability: number | null;
  users: number | null;
  products: number[];
  nextAction: NextActionState;
  stale: boolean;
  atRisk: boolean;
};

/** Every CRM ticket as plain selects give it, judged at `clock`: the last change from the Verlauf itself. */
function loadRows(clock: FollowupClock): Row[] {
  const statuses = db.$client.prepare('select id, phase, stale_after_days as days from crm_ticket_statuses').all() as {
    id: number;
    phase: string;
    days: number | null;
  }[];
  const byId = new Map(statuses.map((status) => [status.id, status]));
  const moved = new Map<number, number>();
  for (const change of db.$client.prepare("select entity_id as id, field, at from crm_changes where entity = 'ticket'").all() as {
    id: number;
    field: string;
    at: number;
  }[]) {
    if (MOVES_DEAL.includes(change.field)) moved.set(change.id, Math.max(moved.get(change.id) ?? 0, change.at));
  }
  const products = new Map<number, number[]>();
  for (const link of db.$client.prepare('select ticket_id as id, product_id as product from ticket_products').all() as {
    id: number;
    product: number;
  }[])
    products.set(link.id, [...(products.get(link.id) ?? []), link.product]);
  const tickets = db.$client
    .prepare(
      `select id, crm_status_id as statusId, potential_cents as potential, probability, expected_users as users,
        next_action_at as nextActionAt, crm_activated_at as activatedAt from tickets where crm_enabled = 1`,
    )
    .all() as {
    id: number;
    statusId: number | null;
    potential: number | null;
    probability: number | null;
    users: number | null;
    nextActionAt: string | null;
    activatedAt: number | null;
  }[];
  return tickets.map((ticket) => {
    const status = ticket.statusId === null ? undefined : byId.get(ticket.statusId);
    const phase = status?.phase ?? 'open';
    const days = phase === 'open' ? (status?.days ?? null) : null;
    const stale = staleDays(moved.get(ticket.id) ?? ticket.activatedAt, days, clock) !== null;
    const nextAction = nextActionState(ticket.nextActionAt, clock);
    return {
      ...ticket,
      phase,
      products: products.get(ticket.id) ?? [],
      nextAction,
      stale,
      atRisk: phase === 'open' && (stale || nextAction === 'overdue' || nextAction === 'none'),
    };
  });
}

/** Count, Σ potential, Σ users and the weighted sum, as the dashboard adds them. */
function sums(rows: Row[]): Pick<Totals, 'count' | 'sumPotentialCents' | 'sumWeightedCents' | 'sumExpectedUsers'> {
  const weighted = rows.reduce((sum, row) => sum + BigInt(row.potential ?? 0) * BigInt(row.probability ?? 0), 0n);
  return {
    count: rows.length,
    sumPotentialCents: rows.reduce((sum, row) => sum + (row.potential ?? 0), 0),
    sumWeightedCents: Number((weighted * 2n + 100n) / 200n),
    sumExpectedUsers: rows.reduce((sum, row) => sum + (row.users ?? 0), 0),
  };
}

const picked = ({ count, sumPotentialCents, sumWeightedCents, sumExpectedUsers }: Totals) => ({
  count,
  sumPotentialCents,
  sumWeightedCents,
  sumExpectedUsers,
});

/** A group's key(s) of a ticket: a ticket with two products stands in both product groups. */
function keysOf(row: Row, key: GroupKey): (number | string | null)[] {
  switch (key) {
    case 'product':
      return row.products.length > 0 ? row.products : [null];
    case 'nextActionState':
      return [row.nextAction];
    case 'phase':
      return [row.phase];
    default:
      return [row.statusId];
  }
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  user = sessionUser(db, 'crm@example.com');
});

describe('follow-up filters and at-risk totals', () => {
  it('equal a recomputation with the follow-up clock for random next actions, histories, rules and clocks', () => {
    const ticketIds = (db.$client.prepare('select id from tickets where crm_enabled = 1 order by id').pluck().all() as number[]).slice(
      0,
      400,
    );
    const openStatuses = db.$client.prepare("select id from crm_ticket_statuses where phase = 'open'").pluck().all() as number[];
    const base = Date.now();
    // A next action relative to the run's clock: a day around today, with or without a time around now.
    const nextAction = fc.option(
      fc.record({ days: fc.integer({ min: -3, max: 3 }), minutes: fc.option(fc.integer({ min: -90, max: 90 }), { nil: null }) }),
      { nil: null, freq: 4 },
    );
    const drawn = fc.record({
      // Midnight in Berlin and a minute either side, or some hour of some day around the seeding.
      clock: fc.oneof(
        fc.record({ day: fc.integer({ min: -5, max: 5 }), minute: fc.constantFrom(-1, 0, 1) }),
        fc.record({ day: fc.integer({ min: -5, max: 5 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) }),
      ),
      actions: fc.array(fc.tuple(fc.constantFrom(...ticketIds), nextAction), { maxLength: 40 }),
      changes: fc.array(
        fc.tuple(fc.constantFrom(...ticketIds), fc.constantFrom(...MOVES_DEAL, 'nextAction', 'comment1'), fc.integer({ min: -60, max: 1 })),
        { maxLength: 15 },
      ),
      rules: fc.array(fc.constantFrom(null, 0, 1, 7, 14, 30), { minLength: openStatuses.length, maxLength: openStatuses.length }),
      filter: fc.record({
        nextAction: fc.subarray([...NEXT_ACTION_STATES], { maxLength: 2 }),
        stale: fc.boolean(),
        groupBy: fc.shuffledSubarray(['crmStatus', 'nextActionState', 'product', 'phase'] as GroupKey[], { maxLength: 2 }),
      }),
    });
    fc.assert(
      fc.property(drawn, ({ clock: when, actions, changes, rules, filter }) => {
        const today = followupClock(base).today;
        const instant = berlinInstant(addDays(today, when.day)) + when.minute * 60_000;
        const clock = followupClock(instant);
        const setAction = db.$client.prepare('update tickets set next_action_at = ? where id = ?');
        for (const [id, action] of actions) {
          if (action === null) setAction.run(null, id);
          else if (action.minutes === null) setAction.run(addDays(clock.today, action.days), id);
          else {
            // Berlin wall time `minutes` from now, on the day `days` from today.
            const wall = followupClock(instant + action.minutes * 60_000).now;
            setAction.run(`${addDays(wall.slice(0, 10), action.days)}${wall.slice(10)}`, id);
          }
        }
        const addChange = db.$client.prepare(
          "insert into crm_changes (entity, entity_id, field, old_value, new_value, at) values ('ticket', ?, ?, null, null, ?)",
        );
        for (const [id, field, days] of changes) addChange.run(id, field, instant + days * 86_400_000);
        const setRule = db.$client.prepare('update crm_ticket_statuses set stale_after_days = ? where id = ?');
        openStatuses.forEach((id, index) => setRule.run(rules[index], id));

        const params = { ...emptyDashboardParams(), ...filter };
        const summary = summariseDashboard(db, user, params, t, instant);
        const rows = loadRows(clock).filter(
          (row) => (params.nextAction.length === 0 || params.nextAction.includes(row.nextAction)) && (!params.stale || row.stale),
        );
        expect(picked(summary.total)).toEqual(sums(rows));
        expect(picked(summary.total.atRisk)).toEqual(sums(rows.filter((row) => row.atRisk)));
        // Every group at every level: its tickets at risk, once per group.
        const walk = (groups: GroupNode[], members: Row[], depth: number) => {
          for (const group of groups) {
            const inGroup = members.filter((row) => keysOf(row, params.groupBy[depth]).includes(group.id));
            expect(picked(group), `${params.groupBy[depth]}=${group.id}`).toEqual(sums(inGroup));
            expect(picked(group.atRisk)).toEqual(sums(inGroup.filter((row) => row.atRisk)));
            walk(group.groups, inGroup, depth + 1);
          }
        };
        walk(summary.groups, rows, 0);
      }),
      { seed: 20261206, numRuns: 60 },
    );
  });

  it('the grand total at risk is the sum over a single-valued first level; a multi-valued one counts a ticket once per group', () => {
    const instant = Date.now();
    const byStatus = summariseDashboard(db, user, { ...emptyDashboardParams(), groupBy: ['crmStatus'] }, t, instant);
    const alone = summariseDashboard(db, user, { ...emptyDashboardParams(), groupBy: [] }, t, instant);
    expect(byStatus.total.atRisk).toEqual(alone.total.atRisk);
    expect(byStatus.total.atRisk.count).toBeGreaterThan(0);
    expect(byStatus.groups.reduce((sum, group) => sum + group.atRisk.count, 0)).toBe(alone.total.atRisk.count);
    expect(byStatus.groups.reduce((sum, group) => sum + group.atRisk.sumPotentialCents, 0)).toBe(alone.total.atRisk.sumPotentialCents);
    const byProduct = summariseDashboard(db, user, { ...emptyDashboardParams(), groupBy: ['product'] }, t, instant);
    expect(byProduct.total.atRisk).toEqual(alone.total.atRisk);
    // A ticket with two products is at risk in both groups: the groups add up to at least the total.
    expect(byProduct.groups.reduce((sum, group) => sum + group.atRisk.count, 0)).toBeGreaterThanOrEqual(alone.total.atRisk.count);
  });

  it('names a bad nextAction or stale value, and keeps good ones through a link', () => {
    const { params, problems } = parseDashboardParams(
      new URLSearchParams('nextAction=overdue&nextAction=soon&nextAction=none&nextAction=overdue&stale=2'),
    );
    expect(params.nextAction).toEqual(['overdue', 'none']);
    expect(params.stale).toBe(false);
    expect(problems).toEqual([
      { param: 'nextAction', value: 'soon', problem: 'invalid' },
      { param: 'stale', value: '2', problem: 'invalid' },
    ]);
    const kept = parseDashboardParams(serialiseDashboardParams({ ...params, stale: true }));
    expect(kept.params).toEqual({ ...params, stale: true });
    expect(kept.problems).toEqual([]);
    expect(serialiseDashboardParams({ ...params, stale: true }).toString()).toBe('nextAction=overdue&nextAction=none&stale=1');
  });

  it('the JSON carries atRisk beside phases for the total and every group', () => {
    const params = parseDashboardParams(new URLSearchParams('groupBy=crmStatus,nextActionState')).params;
    const json = dashboardJson(db, { user, params });
    expect(json.total.atRisk.count).toBeGreaterThan(0);
    expect(Object.keys(json.total.atRisk).sort()).toEqual(Object.keys(json.total.phases.open).sort());
    for (const group of json.groups) {
      expect(group.atRisk.count).toBeLessThanOrEqual(group.phases.open.count);
      if ('groups' in group) for (const child of group.groups) expect(child.atRisk).toBeDefined();
    }
    // Within a status, the groups "keine" and "überfällig" are at risk as a whole while their status is open.
    const open = json.groups.find((group) => 'groups' in group && group.phases.open.count === group.count && group.count > 0);
    const none = open && 'groups' in open ? open.groups.find((child) => child.id === 'none') : undefined;
    if (none) expect(none.atRisk.count).toBe(none.count);
  });

  it('the CSV has the follow-up columns, so a spreadsheet can total the tickets at risk', async () => {
    const instant = Date.now();
    const stream = dashboardExportStream(user, parseDashboardParams(new URLSearchParams('groupBy=crmStatus')).params, 'excel');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: ';' }).data;
    const column = (name: string) => header.indexOf(name);
    for (const name of ['Nächste Aktion', 'Nächste Aktion (Text)', 'Wiedervorlage', 'Veraltet seit (Tagen)', 'Gefährdet'])
      expect(column(name), name).toBeGreaterThan(-1);
    const total = summariseDashboard(db, user, emptyDashboardParams(), t, instant).total;
    expect(rows.length).toBe(total.count);
    expect(rows.filter((row) => row[column('Gefährdet')] === 'Ja').length).toBe(total.atRisk.count);
    expect(new Set(rows.map((row) => row[column('Wiedervorlage')]))).toEqual(new Set(['überfällig', 'heute', 'geplant', 'keine']));
    expect(rows.some((row) => /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/.test(row[column('Nächste Aktion')]))).toBe(true);
    expect(rows.some((row) => /^\d+$/.test(row[column('Veraltet seit (Tagen)')]))).toBe(true);
    // Only where a next action is set is its state other than "keine".
    for (const row of rows) expect(row[column('Nächste Aktion')] === '').toBe(row[column('Wiedervorlage')] === 'keine');
  });

  it('refuses a user without crm', () => {
    const plain = sessionUser(db, 'agent@example.com');
    expect(() => summariseDashboard(db, plain, emptyDashboardParams(), t)).toThrow();
    expect(() => dashboardExportStream(plain, emptyDashboardParams(), 'excel')).toThrow();
  });
});
