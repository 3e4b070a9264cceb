// The forecast (SPEC section 15) against a plain recomputation, for many random filters, row keys,
// first months and lengths (fast-check, fixed seed): its cells, rows and columns add up, a ticket in
// several rows counts once in the columns, the total equals the dashboard's open total, and the rows
// follow the dashboard's group order. Which tickets a filter selects is the dashboard's (tested in
// dashboard-totals.test.ts); which column a ticket falls in, and every sum, is recomputed here.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { isMultiValued } from '@/lib/crm/dashboard/dimensions';
import { emptyDashboardParams, GROUP_KEYS, type DashboardParams, type GroupKey } from '@/lib/crm/dashboard/params';
import { leafTicketIds, summariseDashboard } from '@/lib/crm/dashboard/queries';
import type { Totals } from '@/lib/crm/dashboard/tree';
import { forecastJson } from '@/lib/crm/forecast/api';
import { forecastCsvColumns, forecastCsvRows } from '@/lib/crm/forecast/csv';
import { addMonths, forecastMonths, parseForecastParams, serialiseForecastParams, type ForecastParams } from '@/lib/crm/forecast/params';
import { readForecast } from '@/lib/crm/forecast/queries';
import { translator } from '@/lib/i18n';
import { freshAppDb, sessionUser } from '../support/db';

type Ticket = { potential: number | null; probability: number | null; users: number | null; close: string | null };

let db: Db;
let crm: SessionUser;
let agent: SessionUser;
let tickets: Map<number, Ticket>;
let ids: Record<'crmStatus' | 'product' | 'campaign' | 'revenueGroup' | 'assignee', number[]>;
const t = translator('de');

function totalsOf(group: Ticket[]): Totals {
  const withProbability = group.filter((ticket) => ticket.probability !== null);
  const weighted = group.reduce((sum, ticket) => sum + BigInt(ticket.potential ?? 0) * BigInt(ticket.probability ?? 0), 0n);
  return {
    count: group.length,
    sumPotentialCents: group.reduce((sum, ticket) => sum + (ticket.potential ?? 0), 0),
    sumWeightedCents: Number((weighted * 2n + 100n) / 200n),
    avgProbability:
      withProbability.length === 0
        ? null
        : Math.round((withProbability.reduce((sum, ticket) => sum + ticket.probability!, 0) * 10) / withProbability.length) / 10,
    probabilityCount: withProbability.length,
    sumExpectedUsers: group.reduce((sum, ticket) => sum + (ticket.users ?? 0), 0),
  };
}

/** The column of a ticket, by plain date arithmetic. */
function columnOf(close: string | null, months: string[]): string {
  if (close === null) return 'none';
  const month = close.slice(0, 7);
  if (month < months[0]) return 'overdue';
  if (month > months.at(-1)!) return 'later';
  return month;
}

/** The forecast recomputed: the dashboard's open tickets per row group, bucketed and summed in plain code. */
function recompute(params: ForecastParams) {
  const months = forecastMonths(params);
  const view: DashboardParams = { ...params.view, phase: ['open'], groupBy: [params.row] };
  const byGroup = leafTicketIds(db, crm, view);
  const columns = ['overdue', ...months, 'later', 'none'];
  const cellsOf = (members: number[]) =>
    Object.fromEntries(
      columns.map((column) => [
        column,
        totalsOf(members.filter((id) => columnOf(tickets.get(id)!.close, months) === column).map((id) => tickets.get(id)!)),
      ]),
    );
  const rows = new Map([...byGroup].map(([path, members]) => [JSON.parse(path)[0] as number | string | null, members]));
  const all = [...new Set([...rows.values()].flat())];
  return {
    columns,
    rows: new Map(
      [...rows].map(([id, members]) => [id, { cells: cellsOf(members), total: totalsOf(members.map((m) => tickets.get(m)!)) }]),
    ),
    columnTotals: cellsOf(all),
    total: totalsOf(all.map((id) => tickets.get(id)!)),
  };
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
  // Expected close dates from early 2025 to late 2028 (every ninth ticket none), odd cents and
  // chances, so every column and the one rounding of the weighted sums are exercised.
  db.$client.exec(`update tickets set
      expected_close = case when id % 9 = 0 then null else date('2025-01-01', '+' || ((id * 137) % 1400) || ' days') end,
      potential_cents = case when id % 3 = 0 then id * 1237 + 99 else potential_cents end,
      probability = case when id % 3 = 0 then (id * 7) % 101 else probability end
    where crm_enabled = 1`);
  tickets = new Map(
    db
      .select()
      .from(s.tickets)
      .where(eq(s.tickets.crmEnabled, true))
      .all()
      .map((row) => [
        row.id,
        { potential: row.potentialCents, probability: row.probability, users: row.expectedUsers, close: row.expectedClose },
      ]),
  );
  const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id);
  ids = {
    crmStatus: idsOf(db.select().from(s.crmTicketStatuses).all()),
    product: idsOf(db.select().from(s.products).all()),
    campaign: idsOf(db.select().from(s.campaigns).all()),
    revenueGroup: idsOf(db.select().from(s.revenueGroups).all()),
    assignee: idsOf(db.select().from(s.users).all()),
  };
});

const MONTHS = Array.from({ length: 40 }, (_, index) => addMonths('2024-11', index));

/** Mostly absent (a few tickets of the demo stay after one or two filters), sometimes `value`. */
function rarely<T, N>(value: fc.Arbitrary<T>, nil: N): fc.Arbitrary<T | N> {
  return fc.oneof({ arbitrary: fc.constant(nil), weight: 4 }, { arbitrary: value, weight: 1 });
}

function forecastArbitrary(): fc.Arbitrary<ForecastParams> {
  const choice = (key: keyof typeof ids) =>
    rarely(fc.record({ ids: fc.subarray(ids[key], { maxLength: 3 }), none: fc.boolean() }), undefined);
  return fc
    .record({
      crmStatus: choice('crmStatus'),
      product: choice('product'),
      campaign: choice('campaign'),
      revenueGroup: choice('revenueGroup'),
      assignee: choice('assignee'),
      phase: fc.subarray([...s.PHASES], { maxLength: 2 }),
      usersFrom: rarely(fc.integer({ min: 0, max: 60 }), null),
      closeFrom: rarely(fc.constantFrom('2025-06-15', '2026-01-01', '2026-12-31'), null),
      closeTo: rarely(fc.constantFrom('2026-06-30', '2027-03-31', '2028-01-01'), null),
      from: fc.constantFrom(...MONTHS),
      months: fc.integer({ min: 1, max: 24 }),
      row: fc.constantFrom(...GROUP_KEYS),
    })
    .map(({ from, months, row, phase, usersFrom, closeFrom, closeTo, ...filters }) => {
      const view = { ...emptyDashboardParams(), phase, usersFrom, closeFrom, closeTo };
      for (const [key, value] of Object.entries(filters)) if (value) view.filters[key as keyof typeof filters] = value;
      return { view, from, months, row };
    });
}

const add = (totals: Totals[], field: 'count' | 'sumPotentialCents' | 'sumExpectedUsers') =>
  totals.reduce((sum, value) => sum + value[field], 0);

describe('forecast table', () => {
  it('equals a plain recomputation, adds up, and matches the dashboard for random filters and rows', () => {
    let telling = 0;
    fc.assert(
      fc.property(forecastArbitrary(), (params) => {
        const table = readForecast(db, crm, params, t);
        const expected = recompute(params);
        if (table.rows.length > 1 && table.columns.filter((column) => table.columnTotals[column].count > 0).length > 2) telling += 1;
        expect(table.columns).toEqual(expected.columns);
        expect(table.months).toEqual(forecastMonths(params));

        // Cells and row totals, row by row; columns and the total, every ticket once.
        expect(new Map(table.rows.map((row) => [row.id, { cells: row.cells, total: row.total }]))).toEqual(expected.rows);
        expect(table.columnTotals).toEqual(expected.columnTotals);
        expect(table.total).toEqual(expected.total);

        // The cells of a row add up to its total; the columns to the grand total.
        for (const row of table.rows) {
          for (const field of ['count', 'sumPotentialCents', 'sumExpectedUsers'] as const)
            expect(add(Object.values(row.cells), field)).toBe(row.total[field]);
        }
        const columns = Object.values(table.columnTotals);
        for (const field of ['count', 'sumPotentialCents', 'sumExpectedUsers'] as const)
          expect(add(columns, field)).toBe(table.total[field]);
        // Each column rounds its weighted sum once: together they are within half a cent per column of the total's.
        expect(
          Math.abs(columns.reduce((sum, column) => sum + column.sumWeightedCents, 0) - table.total.sumWeightedCents),
        ).toBeLessThanOrEqual(columns.length / 2);

        // The rows count a ticket once per row: more than the total only when the row key is multi-valued.
        const rowCount = add(
          table.rows.map((row) => row.total),
          'count',
        );
        if (isMultiValued(params.row)) expect(rowCount).toBeGreaterThanOrEqual(table.total.count);
        else expect(rowCount).toBe(table.total.count);

        // The total is the dashboard's open total for the same filters, whatever `phase` says.
        const dashboard = summariseDashboard(db, crm, { ...params.view, phase: [], groupBy: [params.row] }, t);
        expect(table.total).toEqual(dashboard.total.phases.open);
        // And the rows are the dashboard's groups of the row key, in its order, with their open totals.
        expect(table.rows.map((row) => [row.id, row.label, row.total.count])).toEqual(
          dashboard.groups.filter((group) => group.phases.open.count > 0).map((group) => [group.id, group.label, group.phases.open.count]),
        );
      }),
      { seed: 20261206, numRuns: 120 },
    );
    // Most drawn views must have tickets in several rows and columns, or the sums prove little.
    expect(telling).toBeGreaterThan(40);
  });

  it('counts a ticket with several products in each of their rows but once in the columns', () => {
    const params = { view: emptyDashboardParams(), from: '2026-01', months: 24, row: 'product' as GroupKey };
    const multi = db.$client
      .prepare(
        'select ticket_id as id from ticket_products join tickets on tickets.id = ticket_id where crm_enabled = 1 group by ticket_id having count(*) > 1',
      )
      .all() as { id: number }[];
    expect(multi.length).toBeGreaterThan(0);
    const table = readForecast(db, crm, params, t);
    const rowCount = table.rows.reduce((sum, row) => sum + row.total.count, 0);
    expect(rowCount).toBeGreaterThan(table.total.count);
    expect(table.total).toEqual(summariseDashboard(db, crm, emptyDashboardParams(), t).total.phases.open);
  });

  it('refuses a user without crm', () => {
    const { params } = parseForecastParams(new URLSearchParams());
    expect(() => readForecast(db, agent, params, t)).toThrow();
  });

  it('answers JSON with the columns in order and CSV with one row per group and a totals row', () => {
    const { params } = parseForecastParams(new URLSearchParams('from=2026-12&months=3&row=crmStatus'));
    const table = readForecast(db, crm, params, t);
    const json = forecastJson(table);
    expect(json.from).toBe('2026-12');
    expect(json.months).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(json.row).toBe('crmStatus');
    const order = ['overdue', '2026-12', '2027-01', '2027-02', 'later', 'none'];
    expect(Object.keys(json.columns)).toEqual(order);
    for (const row of json.rows) {
      expect(Object.keys(row.cells)).toEqual(order);
      expect(Object.keys(row.total).sort()).toEqual([
        'avgProbability',
        'count',
        'sumExpectedUsers',
        'sumPotentialCents',
        'sumWeightedCents',
      ]);
    }
    const columns = forecastCsvColumns(table, t);
    expect(columns).toHaveLength(1 + 3 * (order.length + 1));
    expect(columns.slice(0, 4).map((column) => column.header)).toEqual([
      'CRM-Ticketstatus',
      'Überfällig: Anzahl',
      'Überfällig: Σ Umsatzpotenzial',
      'Überfällig: Σ gewichtet',
    ]);
    expect(columns[4].header).toBe('Dezember 2026: Anzahl');
    const rows = forecastCsvRows(table, t);
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows.at(-1)!.slice(0, 1)).toEqual(['Gesamt']);
    expect(rows.at(-1)!.slice(-3)).toEqual([table.total.count, table.total.sumPotentialCents, table.total.sumWeightedCents]);
  });
});

describe('forecast parameters', () => {
  const now = new Date('2026-11-30T23:30:00Z'); // already December in Berlin

  it('default to the current Berlin month, twelve months and rows by CRM status', () => {
    const { params, problems } = parseForecastParams(new URLSearchParams(), now);
    expect(problems).toEqual([]);
    expect(params).toMatchObject({ from: '2026-12', months: 12, row: 'crmStatus' });
    expect(forecastMonths(params)).toHaveLength(12);
    expect(forecastMonths(params).at(-1)).toBe('2027-11');
  });

  it('read from, months and row, and keep the dashboard filters', () => {
    const { params, problems } = parseForecastParams(
      new URLSearchParams('from=2027-02&months=24&row=product&crmStatus=3&usersFrom=5'),
      now,
    );
    expect(problems).toEqual([]);
    expect(params).toMatchObject({ from: '2027-02', months: 24, row: 'product' });
    expect(params.view.filters.crmStatus.ids).toEqual([3]);
    expect(params.view.usersFrom).toBe(5);
    expect(serialiseForecastParams(params, now).toString()).toBe('crmStatus=3&usersFrom=5&from=2027-02&months=24&row=product');
  });

  it.each([
    ['from', '2026-13'],
    ['from', '2026-1'],
    ['from', 'Dezember'],
    ['from', '2026-12-01'],
    ['months', '0'],
    ['months', '25'],
    ['months', '1.5'],
    ['months', 'zwölf'],
    ['row', 'nope'],
    ['row', 'ticketId'],
  ])('name a bad %s (%s) and use the default', (param, value) => {
    const { params, problems } = parseForecastParams(new URLSearchParams({ [param]: value }), now);
    expect(problems).toEqual([{ param, value, problem: 'invalid' }]);
    expect(params).toMatchObject({ from: '2026-12', months: 12, row: 'crmStatus' });
  });

  it('ignore phase and groupBy, which the forecast overrides, but name a bad dashboard filter', () => {
    const { params, problems } = parseForecastParams(new URLSearchParams('phase=won&phase=bogus&groupBy=nope&crmStatus=x'), now);
    expect(problems).toEqual([{ param: 'crmStatus', value: 'x', problem: 'invalid' }]);
    expect(params.view.phase).toEqual(['won']);
  });
});
