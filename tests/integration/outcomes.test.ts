// /crm/outcomes: the chance at entry read from hand-written Verlauf histories, the calibration
// bands, and the win rates per group against a plain recomputation over random filters and row
// keys (fast-check, fixed seed) on the demo data with random outcomes; CRM users only.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { emptyDashboardParams, GROUP_KEYS, type DashboardParams, type GroupKey } from '@/lib/crm/dashboard/params';
import { levelLabels } from '@/lib/crm/dashboard/queries';
import { compareGroups } from '@/lib/crm/dashboard/tree';
import { bandOf } from '@/lib/crm/outcomes/calibration';
import { readOutcomesPage } from '@/lib/crm/outcomes/page-data';
import { closedPhasesOf, parseOutcomesView } from '@/lib/crm/outcomes/params';
import { readCalibration, readChancesAtEntry } from '@/lib/crm/outcomes/queries';
import { percentOf } from '@/lib/crm/outcomes/rates';
import { readWinRates } from '@/lib/crm/outcomes/win-rates';
import { translator } from '@/lib/i18n';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { followupClock, nextActionState } from '@/lib/crm/followups/clock';
import { freshAppDb, sessionUser } from '../support/db';

const t = translator('de');
let db: Db;
let crm: SessionUser;
let agent: SessionUser;
let status: { won: number; lost: number; open: number };

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
  const byName = (name: string) => db.select().from(s.crmTicketStatuses).where(eq(s.crmTicketStatuses.name, name)).get()!.id;
  status = { won: byName('Gewonnen'), lost: byName('Verloren'), open: byName('Angebot erstellt') };
});

// ------------------------------------------------------------ hand-written histories

/** A Bearbeiter of their own, so the view `assignee=<id>` holds only the tickets a test writes. */
function isolatedView(label: string): { params: DashboardParams; ticket: (s: number, p: number | null) => number } {
  const owner = insertUserWithDefaults(db, { email: `${label}@example.com`, name: label, passwordHash: '!', roles: [] });
  const params = emptyDashboardParams();
  params.filters.assignee = { ids: [owner.id], none: false };
  let n = 0;
  const ticket = (statusId: number, probability: number | null) =>
    db
      .insert(s.tickets)
      .values({
        number: `${label}-${++n}`,
        title: `${label} ${n}`,
        crmEnabled: true,
        crmStatusId: statusId,
        probability,
        potentialCents: 100_000,
        assigneeId: owner.id,
      })
      .returning({ id: s.tickets.id })
      .get().id;
  return { params, ticket };
}

/** A Verlauf entry of a ticket, `at` in ms (UTC). */
function change(ticketId: number, field: 'crmStatus' | 'probability', oldValue: string | null, newValue: string | null, at: number) {
  return db
    .insert(s.crmChanges)
    .values({ entity: 'ticket', entityId: ticketId, field, oldValue, newValue, userId: crm.id, at: new Date(at) })
    .returning({ id: s.crmChanges.id })
    .get().id;
}

describe('the chance at entry into won or lost', () => {
  it('follows the documented rules for each kind of history', () => {
    const { params, ticket } = isolatedView('calibration-rules');
    const at = (minute: number) => Date.UTC(2026, 5, 1, 9, minute);

    // Same save: status and chance changed together; the chance before the save counts.
    const sameSave = ticket(status.won, 100);
    change(sameSave, 'probability', null, '40', at(1));
    change(sameSave, 'crmStatus', 'Angebot erstellt', 'Gewonnen', at(5));
    change(sameSave, 'probability', '40', '100', at(5));

    // An earlier change sets the chance; a later one (after losing) does not count.
    const earlier = ticket(status.lost, 0);
    change(earlier, 'probability', '50', '20', at(2));
    change(earlier, 'crmStatus', 'Verhandlung', 'Verloren', at(3));
    change(earlier, 'probability', '20', '0', at(4));

    // No history at all: the current chance.
    const noHistory = ticket(status.won, 75);

    // Entered twice: the latest entry counts, with the chance just before it.
    const twice = ticket(status.won, 90);
    change(twice, 'probability', null, '30', at(1));
    change(twice, 'crmStatus', 'Verhandlung', 'Gewonnen', at(2));
    change(twice, 'crmStatus', 'Gewonnen', 'Verhandlung', at(3));
    change(twice, 'probability', '30', '60', at(4));
    change(twice, 'crmStatus', 'Verhandlung', 'Gewonnen', at(6));
    change(twice, 'probability', '60', '90', at(6));

    // Won, then back to open: no outcome, not counted.
    const reopened = ticket(status.open, 60);
    change(reopened, 'crmStatus', 'Verhandlung', 'Gewonnen', at(1));
    change(reopened, 'crmStatus', 'Gewonnen', 'Angebot erstellt', at(2));

    // Won then lost: the entry into the current status (the later one).
    const wonThenLost = ticket(status.lost, 10);
    change(wonThenLost, 'probability', null, '80', at(1));
    change(wonThenLost, 'crmStatus', 'Verhandlung', 'Gewonnen', at(2));
    change(wonThenLost, 'probability', '80', '10', at(3));
    change(wonThenLost, 'crmStatus', 'Gewonnen', 'Verloren', at(4));

    // Without a chance now and ever.
    const none = ticket(status.lost, null);
    // A chance set only in the save that closed it: none before.
    const setOnClose = ticket(status.lost, 0);
    change(setOnClose, 'crmStatus', null, 'Verloren', at(1));
    change(setOnClose, 'probability', null, '0', at(1));

    // Changed only after the entry: the value it replaced was in effect at entry.
    const onlyLater = ticket(status.won, 100);
    change(onlyLater, 'crmStatus', 'Verhandlung', 'Gewonnen', at(1));
    change(onlyLater, 'probability', '55', '100', at(2));

    // Two changes at one instant before the entry: ties by id, the later row wins.
    const tie = ticket(status.won, 35);
    change(tie, 'probability', null, '10', at(1));
    change(tie, 'probability', '10', '35', at(1));
    change(tie, 'crmStatus', 'Verhandlung', 'Gewonnen', at(3));

    // Closed under a status name that no status has now: no entry, the current chance.
    const renamed = ticket(status.won, 65);
    change(renamed, 'probability', '20', '65', at(1));
    change(renamed, 'crmStatus', 'Verhandlung', 'Auftrag (alt)', at(2));

    const chances = Object.fromEntries(readChancesAtEntry(db, crm, params).map((row) => [row.id, row.chance]));
    expect(chances).toEqual({
      [sameSave]: 40,
      [earlier]: 20,
      [noHistory]: 75,
      [twice]: 60,
      [wonThenLost]: 10,
      [none]: null,
      [setOnClose]: null,
      [onlyLater]: 55,
      [tie]: 35,
      [renamed]: 65,
    });
    expect(chances[reopened]).toBeUndefined();

    const calibration = readCalibration(db, crm, params);
    expect(calibration.tickets).toBe(10);
    expect(calibration.withoutChance).toEqual({ tickets: 2, won: 0, wonShare: 0 });
    const byBand = calibration.bands.map(({ from, tickets, won }) => [from, tickets, won]);
    expect(byBand).toEqual([
      [0, 0, 0],
      [10, 1, 0],
      [20, 1, 0],
      [30, 1, 1],
      [40, 1, 1],
      [50, 1, 1],
      [60, 2, 2],
      [70, 1, 1],
      [80, 0, 0],
      [90, 0, 0],
    ]);
  });

  it('bands tens with 100 in the last band, and gives each band its share won and mid chance', () => {
    const { params, ticket } = isolatedView('calibration-bands');
    for (const [chance, won] of [
      [0, false],
      [9, true],
      [10, false],
      [89, true],
      [90, true],
      [100, true],
      [100, false],
    ] as const)
      ticket(won ? status.won : status.lost, chance);
    const { bands } = readCalibration(db, crm, params);
    expect(bands[0]).toEqual({ from: 0, to: 9, midChance: 4.5, tickets: 2, won: 1, wonShare: 50 });
    expect(bands[1]).toMatchObject({ from: 10, to: 19, tickets: 1, won: 0, wonShare: 0 });
    expect(bands[8]).toMatchObject({ from: 80, to: 89, midChance: 84.5, tickets: 1, won: 1, wonShare: 100 });
    expect(bands[9]).toEqual({ from: 90, to: 100, midChance: 95, tickets: 3, won: 2, wonShare: 66.7 });
    expect(bands[5]).toMatchObject({ tickets: 0, won: 0, wonShare: null });
  });

  it('bandOf puts every chance 0–100 in its tens, 100 with the nineties', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (chance) => {
        const band = bandOf(chance);
        expect(band * 10 <= chance && (chance < band * 10 + 10 || (band === 9 && chance === 100))).toBe(true);
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------ win rates against a recomputation

type Row = { id: number; phase: s.Phase; potential: number; values: Record<GroupKey, (number | string | null)[]> };

/** Every CRM ticket with its phase and each grouping key's value(s), read with plain selects. */
function loadRows(): Row[] {
  const all = <T>(rows: T[]) => rows;
  const sizes = all(db.select().from(s.companySizes).all()).sort((a, b) => a.position - b.position);
  const partnerById = new Map(all(db.select().from(s.partners).all()).map((p) => [p.id, p]));
  const contactById = new Map(all(db.select().from(s.contacts).all()).map((c) => [c.id, c]));
  const phaseOf = new Map(all(db.select().from(s.crmTicketStatuses).all()).map((row) => [row.id, row.phase]));
  const products = db.select().from(s.ticketProducts).all();
  const ticketCampaigns = db.select().from(s.ticketCampaigns).all();
  const partnerCampaigns = db.select().from(s.partnerCampaigns).all();
  return db
    .select()
    .from(s.tickets)
    .where(eq(s.tickets.crmEnabled, true))
    .all()
    .map((ticket) => {
      const partnerId = ticket.partnerId ?? (ticket.contactId ? (contactById.get(ticket.contactId)?.partnerId ?? null) : null);
      const partner = partnerId ? partnerById.get(partnerId) : undefined;
      const employees = partner?.employeeCount ?? null;
      const size =
        employees === null
          ? undefined
          : sizes.find((z) => employees >= z.minEmployees && (z.maxEmployees === null || employees <= z.maxEmployees));
      const campaigns = new Set([
        ...ticketCampaigns.filter((x) => x.ticketId === ticket.id).map((x) => x.campaignId),
        ...partnerCampaigns.filter((x) => x.partnerId === partnerId).map((x) => x.campaignId),
      ]);
      const productIds = products.filter((x) => x.ticketId === ticket.id).map((x) => x.productId);
      const close = ticket.expectedClose;
      const phase = ticket.crmStatusId === null ? 'open' : (phaseOf.get(ticket.crmStatusId) ?? 'open');
      const one = (value: number | string | null) => [value];
      return {
        id: ticket.id,
        phase,
        potential: ticket.potentialCents ?? 0,
        values: {
          crmStatus: one(ticket.crmStatusId),
          partner: one(partnerId),
          companySize: one(size?.id ?? null),
          revenueGroup: one(partner?.revenueGroupId ?? null),
          companyGroup: one(partner?.companyGroupId ?? null),
          product: productIds.length > 0 ? productIds : [null],
          campaign: campaigns.size > 0 ? [...campaigns] : [null],
          assignee: one(ticket.assigneeId),
          ticketStatus: one(ticket.status),
          partnerStatus: one(partner?.crmPartnerStatusId ?? null),
          dataSource: one(partner?.dataSourceId ?? null),
          phase: one(phase),
          lostReason: one(ticket.lostReasonId),
          closeMonth: one(close ? close.slice(0, 7) : null),
          closeQuarter: one(close ? `${close.slice(0, 4)}-Q${Math.ceil(Number(close.slice(5, 7)) / 3)}` : null),
          nextActionState: one(nextActionState(ticket.nextActionAt, followupClock())),
        } as Record<GroupKey, (number | string | null)[]>,
      };
    });
}

/** The filters the property draws: id filters read like grouping keys, and the phase. */
const DRAWN_FILTERS = ['crmStatus', 'assignee', 'product', 'campaign', 'lostReason', 'revenueGroup'] as const;

function matches(row: Row, params: DashboardParams): boolean {
  for (const key of DRAWN_FILTERS) {
    const { ids, none } = params.filters[key];
    if (ids.length === 0 && !none) continue;
    if (!row.values[key].some((value) => (value === null ? none : ids.includes(Number(value))))) return false;
  }
  return params.phase.length === 0 || params.phase.includes(row.phase);
}

function expectedOutcome(members: Row[]) {
  const won = members.filter((row) => row.phase === 'won');
  const lost = members.filter((row) => row.phase === 'lost');
  const sum = (rows: Row[]) => rows.reduce((acc, row) => acc + row.potential, 0);
  return {
    won: won.length,
    lost: lost.length,
    wonCents: sum(won),
    lostCents: sum(lost),
    rateByCount: won.length + lost.length === 0 ? null : Math.round((won.length * 1000) / (won.length + lost.length)) / 10,
    rateByValue: sum(won) + sum(lost) === 0 ? null : Math.round((sum(won) * 1000) / (sum(won) + sum(lost))) / 10,
  };
}

describe('win rates', () => {
  let rows: Row[];
  let choices: Record<(typeof DRAWN_FILTERS)[number], number[]>;

  beforeAll(() => {
    // Random outcomes on the demo tickets (fixed seed): a third won, a third lost, the rest open.
    const random = fc.sample(fc.integer({ min: 0, max: 2 }), { numRuns: 10_000, seed: 42 });
    const crmTickets = db.select({ id: s.tickets.id }).from(s.tickets).where(eq(s.tickets.crmEnabled, true)).all();
    crmTickets.forEach(({ id }, index) => {
      const pick = random[index % random.length];
      if (pick < 2)
        db.update(s.tickets)
          .set({ crmStatusId: pick === 0 ? status.won : status.lost })
          .where(eq(s.tickets.id, id))
          .run();
    });
    rows = loadRows();
    const ids = (
      table: typeof s.products | typeof s.campaigns | typeof s.lostReasons | typeof s.revenueGroups | typeof s.crmTicketStatuses,
    ) =>
      db
        .select({ id: table.id })
        .from(table)
        .all()
        .map((row) => row.id);
    choices = {
      crmStatus: ids(s.crmTicketStatuses),
      assignee: db
        .select({ id: s.users.id })
        .from(s.users)
        .all()
        .map((row) => row.id),
      product: ids(s.products),
      campaign: ids(s.campaigns),
      lostReason: ids(s.lostReasons),
      revenueGroup: ids(s.revenueGroups),
    };
    expect(rows.filter((row) => row.phase !== 'open').length).toBeGreaterThan(20);
  });

  it('equal a plain recomputation per group and in total, in the dashboard group order', () => {
    const drawn = fc.record({
      row: fc.constantFrom(...GROUP_KEYS),
      phase: fc.subarray([...s.PHASES], { maxLength: 2 }),
      filters: fc.record(
        Object.fromEntries(
          DRAWN_FILTERS.map((key) => [
            key,
            fc.option(fc.record({ ids: fc.subarray(choices[key], { maxLength: 3 }), none: fc.boolean() }), { freq: 2, nil: undefined }),
          ]),
        ) as Record<(typeof DRAWN_FILTERS)[number], fc.Arbitrary<{ ids: number[]; none: boolean } | undefined>>,
      ),
    });
    fc.assert(
      fc.property(drawn, ({ row, phase, filters }) => {
        const params = emptyDashboardParams();
        params.phase = phase;
        for (const key of DRAWN_FILTERS) params.filters[key] = filters[key] ?? { ids: [], none: false };
        const closed = closedPhasesOf(params);
        const matching = rows.filter((r) => closed.includes(r.phase as 'won') && matches(r, params));

        const result = readWinRates(db, crm, params, row, t);
        expect(result.total).toEqual(expectedOutcome(matching));

        const groups = new Map<string, { id: number | string | null; members: Row[] }>();
        for (const r of matching)
          for (const value of r.values[row]) {
            const entry = groups.get(String(value)) ?? { id: value, members: [] };
            entry.members.push(r);
            groups.set(String(value), entry);
          }
        const labels = levelLabels(
          db,
          row,
          [...groups.values()].map((group) => group.id),
          t,
        );
        const expected = [...groups.values()]
          .sort((a, b) => compareGroups(labels, a.id, b.id))
          .map((group) => ({
            id: group.id,
            label: group.id === null ? labels.emptyLabel : labels.label(group.id),
            ...expectedOutcome(group.members),
          }));
        expect(result.rows).toEqual(expected);
      }),
      { seed: 20261206, numRuns: 120 },
    );
  });

  it('count a ticket with two products in both product groups and once in the total', () => {
    const [first, second] = db.select({ id: s.products.id }).from(s.products).all();
    const { params, ticket } = isolatedView('win-rate-products');
    const id = ticket(status.won, 50);
    db.insert(s.ticketProducts)
      .values([
        { ticketId: id, productId: first.id },
        { ticketId: id, productId: second.id },
      ])
      .run();
    ticket(status.lost, 50);
    const result = readWinRates(db, crm, params, 'product', t);
    expect(result.total).toMatchObject({ won: 1, lost: 1, rateByCount: 50, rateByValue: 50 });
    expect(result.rows.map((r) => [r.id, r.won, r.lost])).toEqual([
      [first.id, 1, 0],
      [second.id, 1, 0],
      [null, 0, 1],
    ]);
  });

  it('show nothing when the phase filter leaves only open tickets', () => {
    const params = { ...emptyDashboardParams(), phase: ['open'] as s.Phase[] };
    expect(readWinRates(db, crm, params, 'assignee', t)).toMatchObject({ total: { won: 0, lost: 0, rateByCount: null }, rows: [] });
    expect(readCalibration(db, crm, params).tickets).toBe(0);
  });
});

describe('outcomes page parameters', () => {
  it('keep the dashboard filters, read the row key and name a bad one', () => {
    const view = parseOutcomesView(new URLSearchParams('row=product&phase=won&assignee=3'));
    expect(view.row).toBe('product');
    expect(view.params.phase).toEqual(['won']);
    expect(view.params.filters.assignee.ids).toEqual([3]);
    expect(view.problems).toEqual([]);
    const bad = parseOutcomesView(new URLSearchParams('row=password'));
    expect(bad.row).toBe('assignee');
    expect(bad.problems).toEqual([{ param: 'row', value: 'password', problem: 'invalid' }]);
  });

  it('round a rate once, half up, to one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(100);
  });
});

describe('access', () => {
  it('refuses a user without crm on every read', () => {
    const params = emptyDashboardParams();
    expect(() => readWinRates(db, agent, params, 'assignee', t)).toThrow(AccessDenied);
    expect(() => readCalibration(db, agent, params)).toThrow(AccessDenied);
    expect(() => readChancesAtEntry(db, agent, params)).toThrow(AccessDenied);
    expect(() => readOutcomesPage(db, { user: agent, params, row: 'assignee' })).toThrow(AccessDenied);
  });

  it('answers a crm user', () => {
    const page = readOutcomesPage(db, { user: crm, params: emptyDashboardParams(), row: 'assignee' });
    expect(page.winRates.total.won + page.winRates.total.lost).toBe(page.calibration.tickets);
  });
});
