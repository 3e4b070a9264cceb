// The dashboard's SQL totals against a plain recomputation over the same rows, for many random
// filter and grouping combinations (fast-check, fixed seed).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import {
  GROUP_KEYS,
  ID_FILTERS,
  emptyDashboardParams,
  type DashboardParams,
  type GroupKey,
  type IdFilter,
} from '@/lib/crm/dashboard/params';
import { leafTicketIds, summariseDashboard } from '@/lib/crm/dashboard/queries';
import type { GroupNode, PhasedTotals, Totals } from '@/lib/crm/dashboard/tree';
import { followupClock, NEXT_ACTION_STATES, nextActionState, staleDays, type FollowupClock } from '@/lib/crm/followups/clock';
import { translator } from '@/lib/i18n';
import { freshAppDb } from '../support/db';

type Value = number | string | null;
type Row = {
  id: number;
  phase: s.Phase;
  expectedClose: string | null;
  slipped: boolean;
  /** Open and (stale, or the next action overdue or missing) at the test's clock. */
  atRisk: boolean;
  nextAction: string;
  stale: boolean;
  potential: number | null;
  probability: number | null;
  users: number | null;
  single: Record<string, Value>;
  multi: Record<'product' | 'campaign', number[]>;
};

let db: Db;
let user: SessionUser;
let rows: Row[];
let ids: Record<IdFilter, number[]>;
/** The clock every summary and the recomputation judge next actions and staleness at. */
const INSTANT = Date.now();
const clock: FollowupClock = followupClock(INSTANT);

/** Every CRM ticket with each dimension's value(s), read with plain selects. */
function loadRows(): Row[] {
  const sizes = db
    .select()
    .from(s.companySizes)
    .all()
    .sort((a, b) => a.position - b.position);
  const partnerById = new Map(
    db
      .select()
      .from(s.partners)
      .all()
      .map((p) => [p.id, p]),
  );
  const contactById = new Map(
    db
      .select()
      .from(s.contacts)
      .all()
      .map((c) => [c.id, c]),
  );
  const ticketProducts = db.select().from(s.ticketProducts).all();
  const ticketCampaigns = db.select().from(s.ticketCampaigns).all();
  const partnerCampaigns = db.select().from(s.partnerCampaigns).all();
  const statuses = db.select().from(s.crmTicketStatuses).all();
  const phaseOf = new Map(statuses.map((status) => [status.id, status.phase]));
  const staleAfter = new Map(statuses.filter((status) => status.phase === 'open').map((status) => [status.id, status.staleAfterDays]));
  // Slipped: some recorded change of the expected close moved it later.
  const slipped = new Set(
    db
      .select()
      .from(s.crmChanges)
      .all()
      .filter(
        (c) =>
          c.entity === 'ticket' && c.field === 'expectedClose' && c.oldValue !== null && c.newValue !== null && c.newValue > c.oldValue,
      )
      .map((c) => c.entityId),
  );
  return db
    .select()
    .from(s.tickets)
    .where(eq(s.tickets.crmEnabled, true))
    .all()
    .map((t) => {
      const partnerId = t.partnerId ?? (t.contactId ? (contactById.get(t.contactId)?.partnerId ?? null) : null);
      const p = partnerId ? partnerById.get(partnerId) : undefined;
      const employees = p?.employeeCount ?? null;
      const size =
        employees === null
          ? undefined
          : sizes.find((z) => employees >= z.minEmployees && (z.maxEmployees === null || employees <= z.maxEmployees));
      const campaigns = new Set([
        ...ticketCampaigns.filter((x) => x.ticketId === t.id).map((x) => x.campaignId),
        ...partnerCampaigns.filter((x) => x.partnerId === partnerId).map((x) => x.campaignId),
      ]);
      const close = t.expectedClose;
      const phase = t.crmStatusId === null ? 'open' : (phaseOf.get(t.crmStatusId) ?? 'open');
      const state = nextActionState(t.nextActionAt, clock);
      const lastChange = t.crmMovedAt ?? t.crmActivatedAt;
      const stale = staleDays(lastChange, t.crmStatusId === null ? null : (staleAfter.get(t.crmStatusId) ?? null), clock) !== null;
      return {
        id: t.id,
        phase,
        expectedClose: close,
        slipped: slipped.has(t.id),
        atRisk: phase === 'open' && (stale || state === 'overdue' || state === 'none'),
        nextAction: state,
        stale,
        potential: t.potentialCents,
        probability: t.probability,
        users: t.expectedUsers,
        single: {
          crmStatus: t.crmStatusId,
          partner: partnerId,
          contact: t.contactId,
          companySize: size?.id ?? null,
          revenueGroup: p?.revenueGroupId ?? null,
          companyGroup: p?.companyGroupId ?? null,
          assignee: t.assigneeId,
          ticketStatus: t.status,
          partnerStatus: p?.crmPartnerStatusId ?? null,
          dataSource: p?.dataSourceId ?? null,
          lostReason: t.lostReasonId,
          closeMonth: close ? close.slice(0, 7) : null,
          closeQuarter: close ? `${close.slice(0, 4)}-Q${Math.ceil(Number(close.slice(5, 7)) / 3)}` : null,
          nextActionState: state,
        },
        multi: { product: ticketProducts.filter((x) => x.ticketId === t.id).map((x) => x.productId), campaign: [...campaigns] },
      };
    });
}

function valuesOf(row: Row, key: GroupKey | IdFilter): Value[] {
  if (key === 'product' || key === 'campaign') return row.multi[key].length > 0 ? row.multi[key] : [null];
  if (key === 'phase') return [row.phase];
  return [row.single[key]];
}

function matches(row: Row, params: DashboardParams): boolean {
  for (const key of ID_FILTERS) {
    const { ids: chosen, none } = params.filters[key];
    if (chosen.length === 0 && !none) continue;
    const values = valuesOf(row, key);
    if (!values.some((value) => (value === null ? none : chosen.includes(Number(value))))) return false;
  }
  if (params.ticketStatus.length > 0 && !params.ticketStatus.includes(row.single.ticketStatus as s.TicketStatus)) return false;
  if (params.usersFrom !== null && (row.users === null || row.users < params.usersFrom)) return false;
  if (params.usersTo !== null && (row.users === null || row.users > params.usersTo)) return false;
  if (params.phase.length > 0 && !params.phase.includes(row.phase)) return false;
  if (params.closeFrom !== null && (row.expectedClose === null || row.expectedClose < params.closeFrom)) return false;
  if (params.closeTo !== null && (row.expectedClose === null || row.expectedClose > params.closeTo)) return false;
  if (params.slipped && !row.slipped) return false;
  if (params.nextAction.length > 0 && !(params.nextAction as string[]).includes(row.nextAction)) return false;
  if (params.stale && !row.stale) return false;
  return true;
}

/** A group's totals and its phases' (each computed alone, so the partition is checked, not assumed). */
function phasedTotalsOf(group: Row[]): PhasedTotals {
  return {
    ...totalsOf(group),
    phases: {
      open: totalsOf(group.filter((row) => row.phase === 'open')),
      won: totalsOf(group.filter((row) => row.phase === 'won')),
      lost: totalsOf(group.filter((row) => row.phase === 'lost')),
    },
    atRisk: totalsOf(group.filter((row) => row.atRisk)),
  };
}

function totalsOf(group: Row[]): Totals {
  const withProbability = group.filter((row) => row.probability !== null);
  const weighted = group.reduce((sum, row) => sum + BigInt(row.potential ?? 0) * BigInt(row.probability ?? 0), 0n);
  return {
    count: group.length,
    sumPotentialCents: group.reduce((sum, row) => sum + (row.potential ?? 0), 0),
    sumWeightedCents: Number((weighted * 2n + 100n) / 200n),
    avgProbability:
      withProbability.length === 0
        ? null
        : Math.round((withProbability.reduce((sum, row) => sum + row.probability!, 0) * 10) / withProbability.length) / 10,
    probabilityCount: withProbability.length,
    sumExpectedUsers: group.reduce((sum, row) => sum + (row.users ?? 0), 0),
  };
}

/** path → totals for every group at every level, recomputed in plain code. */
function recompute(params: DashboardParams): { total: PhasedTotals; groups: Map<string, PhasedTotals> } {
  const matching = rows.filter((row) => matches(row, params));
  const groups = new Map<string, Row[]>();
  for (const row of matching) {
    let paths: Value[][] = [[]];
    for (const key of params.groupBy) {
      paths = paths.flatMap((path) => valuesOf(row, key).map((value) => [...path, value]));
      for (const path of paths) {
        const members = groups.get(JSON.stringify(path)) ?? [];
        if (!members.includes(row)) members.push(row);
        groups.set(JSON.stringify(path), members);
      }
    }
  }
  return { total: phasedTotalsOf(matching), groups: new Map([...groups].map(([path, members]) => [path, phasedTotalsOf(members)])) };
}

function flatten(groups: GroupNode[], prefix: Value[] = [], into = new Map<string, PhasedTotals>()): Map<string, PhasedTotals> {
  for (const {
    id,
    groups: children,
    count,
    sumPotentialCents,
    sumWeightedCents,
    avgProbability,
    probabilityCount,
    sumExpectedUsers,
    phases,
    atRisk,
  } of groups) {
    const totals = { count, sumPotentialCents, sumWeightedCents, avgProbability, probabilityCount, sumExpectedUsers, phases, atRisk };
    const path = [...prefix, id];
    into.set(JSON.stringify(path), totals);
    flatten(children, path, into);
  }
  return into;
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  const crm = db.select().from(s.users).where(eq(s.users.email, 'crm@example.com')).get()!;
  user = { id: crm.id, email: crm.email, name: crm.name, roles: crm.roles, locale: 'de' };
  // Odd cents and percentages, so the weighted sums need their one rounding step.
  db.$client.exec('update tickets set potential_cents = id * 1237 + 99, probability = (id * 7) % 101 where crm_enabled = 1 and id % 3 = 0');
  rows = loadRows();
  ids = {
    crmStatus: db
      .select()
      .from(s.crmTicketStatuses)
      .all()
      .map((r) => r.id),
    partner: [...new Set(rows.map((r) => r.single.partner).filter((v): v is number => v !== null))].slice(0, 12),
    contact: [...new Set(rows.map((r) => r.single.contact).filter((v): v is number => v !== null))].slice(0, 12),
    companySize: db
      .select()
      .from(s.companySizes)
      .all()
      .map((r) => r.id),
    revenueGroup: db
      .select()
      .from(s.revenueGroups)
      .all()
      .map((r) => r.id),
    companyGroup: db
      .select()
      .from(s.companyGroups)
      .all()
      .map((r) => r.id),
    product: db
      .select()
      .from(s.products)
      .all()
      .map((r) => r.id),
    campaign: db
      .select()
      .from(s.campaigns)
      .all()
      .map((r) => r.id),
    assignee: db
      .select()
      .from(s.users)
      .all()
      .map((r) => r.id),
    partnerStatus: db
      .select()
      .from(s.crmPartnerStatuses)
      .all()
      .map((r) => r.id),
    dataSource: db
      .select()
      .from(s.dataSources)
      .all()
      .map((r) => r.id),
    lostReason: db
      .select()
      .from(s.lostReasons)
      .all()
      .map((r) => r.id),
  };
});

const t = translator('de');

/** Bounds of the close window around the demo's dates (six months back, twelve ahead of the seeding day). */
const CLOSE_BOUNDS = [-200, -90, -5, 0, 30, 120, 300].map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));

function paramsArbitrary(): fc.Arbitrary<DashboardParams> {
  const choice = (key: IdFilter) =>
    fc.option(fc.record({ ids: fc.subarray(ids[key], { maxLength: 3 }), none: fc.boolean() }), { freq: 3, nil: undefined });
  return fc
    .record({
      filters: fc.record(Object.fromEntries(ID_FILTERS.map((key) => [key, choice(key)])) as Record<IdFilter, ReturnType<typeof choice>>),
      ticketStatus: fc.subarray([...s.TICKET_STATUSES], { maxLength: 2 }),
      usersFrom: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 4, nil: null }),
      usersTo: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4, nil: null }),
      phase: fc.subarray([...s.PHASES], { maxLength: 2 }),
      closeFrom: fc.option(fc.constantFrom(...CLOSE_BOUNDS), { freq: 4, nil: null }),
      closeTo: fc.option(fc.constantFrom(...CLOSE_BOUNDS), { freq: 4, nil: null }),
      slipped: fc.boolean(),
      nextAction: fc.subarray([...NEXT_ACTION_STATES], { maxLength: 2 }),
      stale: fc.boolean(),
      groupBy: fc.shuffledSubarray([...GROUP_KEYS], { minLength: 0, maxLength: 4 }),
    })
    .map((drawn) => {
      const params = emptyDashboardParams();
      for (const key of ID_FILTERS) params.filters[key] = drawn.filters[key] ?? { ids: [], none: false };
      return { ...params, ...drawn, filters: params.filters };
    });
}

describe('dashboard totals', () => {
  it('equal a plain recomputation at every level for random filters and groupings', () => {
    fc.assert(
      fc.property(paramsArbitrary(), (params) => {
        const summary = summariseDashboard(db, user, params, t, INSTANT);
        const expected = recompute(params);
        expect(summary.total).toEqual(expected.total);
        expect(Object.fromEntries(flatten(summary.groups))).toEqual(Object.fromEntries(expected.groups));
      }),
      { seed: 20261127, numRuns: 150 },
    );
  });

  it('the unfiltered grand total counts every CRM ticket once, whatever the grouping', () => {
    const params = { ...emptyDashboardParams(), groupBy: ['product', 'campaign'] as GroupKey[] };
    const summary = summariseDashboard(db, user, params, t);
    expect(summary.total.count).toBe(rows.length);
    const leaves = leafTicketIds(db, user, params);
    expect(new Set([...leaves.values()].flat()).size).toBe(rows.length);
  });
});
