// Bulk changes and their undo (SPEC section 16) against a plain recomputation: random selections (chosen
// tickets, a dashboard view's group by Bearbeiter or by product) and random changes. After the change
// every selected CRM ticket holds the target and nothing else moved; the Verlauf holds one entry per
// changed field, marked; undo restores every ticket nobody changed since and reports the one changed in
// between; a second undo and a plain user are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { applyBulkChange } from '@/lib/crm/bulk/apply';
import { bulkChangeSchema, toBulkChange, type BulkChange } from '@/lib/crm/bulk/change';
import { listBulkChanges } from '@/lib/crm/bulk/queries';
import { parseBulkSelection, type BulkSelection } from '@/lib/crm/bulk/selection';
import { undoBulkChange } from '@/lib/crm/bulk/undo';
import { historyProperty } from '@/lib/crm/history-fields';
import { translator } from '@/lib/i18n';
import { freshAppDb, sessionUser } from '../support/db';

type State = {
  id: number;
  crm: boolean;
  crmStatusId: number | null;
  lostReasonId: number | null;
  assigneeId: number | null;
  expectedClose: string | null;
  probability: number | null;
  products: number[];
  campaigns: number[];
  crmVersion: number;
  version: number;
};

let db: Db;
let crmUser: SessionUser;
let admin: SessionUser;
let agent: SessionUser;
let ids: {
  statuses: number[];
  lost: number[];
  reasons: number[];
  users: number[];
  products: number[];
  campaigns: number[];
  tickets: number[];
};

function snapshot(): Map<number, State> {
  const rows = db.select().from(s.tickets).all();
  const bridge = (table: typeof s.ticketProducts | typeof s.ticketCampaigns, entry: 'productId' | 'campaignId') => {
    const map = new Map<number, number[]>();
    for (const row of db.select().from(table).all() as { ticketId: number; productId?: number; campaignId?: number }[])
      map.set(
        row.ticketId,
        [...(map.get(row.ticketId) ?? []), row[entry]!].sort((a, b) => a - b),
      );
    return map;
  };
  const products = bridge(s.ticketProducts, 'productId');
  const campaigns = bridge(s.ticketCampaigns, 'campaignId');
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        crm: row.crmEnabled,
        crmStatusId: row.crmStatusId,
        lostReasonId: row.lostReasonId,
        assigneeId: row.assigneeId,
        expectedClose: row.expectedClose,
        probability: row.probability,
        products: products.get(row.id) ?? [],
        campaigns: campaigns.get(row.id) ?? [],
        crmVersion: row.crmVersion,
        version: row.version,
      },
    ]),
  );
}

/** The fields a change sets, on a ticket state: the recomputation. */
function applied(state: State, change: BulkChange): State {
  const lost = (id: number) => ids.lost.includes(id);
  const without = (list: number[], id: number) => list.filter((item) => item !== id);
  const withIt = (list: number[], id: number) => [...new Set([...list, id])].sort((a, b) => a - b);
  switch (change.kind) {
    case 'crmStatus':
      return { ...state, crmStatusId: change.crmStatusId, lostReasonId: lost(change.crmStatusId) ? change.lostReasonId : null };
    case 'assignee':
      return { ...state, assigneeId: change.assigneeId };
    case 'expectedClose':
      return { ...state, expectedClose: change.expectedClose };
    case 'probability':
      return { ...state, probability: change.probability };
    case 'addProduct':
      return { ...state, products: withIt(state.products, change.productId) };
    case 'removeProduct':
      return { ...state, products: without(state.products, change.productId) };
    case 'addCampaign':
      return { ...state, campaigns: withIt(state.campaigns, change.campaignId) };
    case 'removeCampaign':
      return { ...state, campaigns: without(state.campaigns, change.campaignId) };
  }
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the versions are compared apart
const values = ({ crmVersion, version, ...rest }: State) => rest;

/** The Verlauf entries a change of one ticket writes. */
function changedFields(before: State, after: State): string[] {
  const fields: string[] = [];
  if (before.crmStatusId !== after.crmStatusId) fields.push('crmStatus');
  if (before.lostReasonId !== after.lostReasonId) fields.push('lostReason');
  if (before.assigneeId !== after.assigneeId) fields.push('assignee');
  if (before.expectedClose !== after.expectedClose) fields.push('expectedClose');
  if (before.probability !== after.probability) fields.push('probability');
  if (before.products.join() !== after.products.join()) fields.push('products');
  if (before.campaigns.join() !== after.campaigns.join()) fields.push('campaigns');
  return fields;
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crmUser = sessionUser(db, 'crm@example.com');
  admin = sessionUser(db, 'admin@example.com');
  agent = sessionUser(db, 'agent@example.com');
  const statuses = db.select().from(s.crmTicketStatuses).all();
  ids = {
    statuses: statuses.map((row) => row.id),
    lost: statuses.filter((row) => row.phase === 'lost').map((row) => row.id),
    reasons: db
      .select({ id: s.lostReasons.id })
      .from(s.lostReasons)
      .all()
      .map((row) => row.id),
    users: db
      .select({ id: s.users.id })
      .from(s.users)
      .where(eq(s.users.active, true))
      .all()
      .map((row) => row.id),
    products: db
      .select({ id: s.products.id })
      .from(s.products)
      .all()
      .map((row) => row.id),
    campaigns: db
      .select({ id: s.campaigns.id })
      .from(s.campaigns)
      .all()
      .map((row) => row.id),
    tickets: db
      .select({ id: s.tickets.id })
      .from(s.tickets)
      .all()
      .map((row) => row.id),
  };
  expect(ids.lost.length).toBeGreaterThan(0);
  expect(ids.reasons.length).toBeGreaterThan(0);
});

const changeArbitrary: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.record({
    kind: fc.constant('crmStatus'),
    crmStatusId: fc.constantFrom(...[1, 2, 3, 4, 5, 6]).map((index) => String(ids.statuses[index % ids.statuses.length])),
    lostReasonId: fc.constant(''),
  }),
  fc.record({ kind: fc.constant('crmStatus'), crmStatusId: fc.constant('lost'), lostReasonId: fc.nat(20).map((n) => String(n)) }),
  fc.record({ kind: fc.constant('assignee'), assigneeId: fc.option(fc.nat(20), { nil: null }).map((n) => (n === null ? '' : String(n))) }),
  fc.record({
    kind: fc.constant('expectedClose'),
    expectedClose: fc.constantFrom('', '2026-12-31', '2027-02-28', '2027-03-15'),
  }),
  fc.record({ kind: fc.constant('probability'), probability: fc.constantFrom('', '0', '35', '100') }),
  fc.record({ kind: fc.constantFrom('addProduct', 'removeProduct'), productId: fc.nat(30).map(String) }),
  fc.record({ kind: fc.constantFrom('addCampaign', 'removeCampaign'), campaignId: fc.nat(30).map(String) }),
);

/** Indices become real ids here (the arbitraries are built before the data exists). */
function realChange(raw: Record<string, string>): BulkChange {
  const pick = (list: number[], index: string) => String(list[Number(index) % list.length]);
  const form = { ...raw };
  if (raw.kind === 'crmStatus' && raw.crmStatusId === 'lost') {
    form.crmStatusId = String(ids.lost[0]);
    form.lostReasonId = pick(ids.reasons, raw.lostReasonId);
  }
  if (raw.kind === 'assignee' && raw.assigneeId !== '') form.assigneeId = pick(ids.users, raw.assigneeId);
  if ('productId' in raw) form.productId = pick(ids.products, raw.productId);
  if ('campaignId' in raw) form.campaignId = pick(ids.campaigns, raw.campaignId);
  const parsed = bulkChangeSchema.safeParse(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return toBulkChange(parsed.data);
}

type SelectionSpec =
  { kind: 'tickets'; picks: number[] } | { kind: 'assignee'; index: number | null; status: number[] } | { kind: 'product'; index: number };

const selectionArbitrary: fc.Arbitrary<SelectionSpec> = fc.oneof(
  fc.record({ kind: fc.constant('tickets' as const), picks: fc.uniqueArray(fc.nat(299), { minLength: 1, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('assignee' as const),
    index: fc.option(fc.nat(20), { nil: null }),
    status: fc.uniqueArray(fc.nat(10), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('product' as const), index: fc.nat(30) }),
);

/** The selection as a URL would name it, and the tickets it means, recomputed from the state. */
function realSelection(spec: SelectionSpec, state: Map<number, State>): { selection: BulkSelection; expected: number[] } {
  const search = new URLSearchParams();
  let matches: (row: State) => boolean;
  if (spec.kind === 'tickets') {
    const chosen = spec.picks.map((index) => ids.tickets[index % ids.tickets.length]);
    for (const id of chosen) search.append('ticket', String(id));
    matches = (row) => chosen.includes(row.id);
  } else if (spec.kind === 'assignee') {
    const assignee = spec.index === null ? null : ids.users[spec.index % ids.users.length];
    const statuses = [...new Set(spec.status.map((index) => ids.statuses[index % ids.statuses.length]))];
    for (const id of statuses) search.append('crmStatus', String(id));
    search.set('groupBy', 'assignee,crmStatus');
    search.set('open', assignee === null ? 'none' : String(assignee));
    matches = (row) =>
      row.assigneeId === assignee && (statuses.length === 0 || (row.crmStatusId !== null && statuses.includes(row.crmStatusId)));
  } else {
    const product = ids.products[spec.index % ids.products.length];
    search.set('groupBy', 'product');
    search.set('open', String(product));
    matches = (row) => row.products.includes(product);
  }
  const { selection, problems } = parseBulkSelection(search);
  expect(problems).toEqual([]);
  return { selection: selection!, expected: [...state.values()].filter((row) => row.crm && matches(row)).map((row) => row.id) };
}

const markedEntries = (bulkChangeId: number, undo: boolean) =>
  db
    .select()
    .from(s.crmChanges)
    .where(sql`${s.crmChanges.bulkChangeId} = ${bulkChangeId} and ${s.crmChanges.bulkUndo} = ${undo ? 1 : 0}`)
    .all();

describe('a bulk change and its undo against a recomputation', () => {
  it('sets every selected ticket, leaves the rest, and undo restores all but the one changed in between', () => {
    fc.assert(
      fc.property(selectionArbitrary, changeArbitrary, fc.nat(), (selectionSpec, rawChange, pick) => {
        const before = snapshot();
        const { selection, expected } = realSelection(selectionSpec, before);
        const change = realChange(rawChange);
        const result = applyBulkChange(db, crmUser, { selection, change, expectedCount: expected.length });
        if (expected.length === 0) {
          expect(result).toMatchObject({ ok: false, error: 'bulk.error.empty' });
          return;
        }
        if (!result.ok) throw new Error(JSON.stringify(result));
        const after = snapshot();
        const changed = expected.filter((id) => changedFields(before.get(id)!, applied(before.get(id)!, change)).length > 0);
        expect(result.data).toEqual({ id: result.data.id, ticketCount: expected.length, changedCount: changed.length });
        for (const [id, row] of after) {
          const old = before.get(id)!;
          if (!expected.includes(id)) expect(row, `ticket ${id} outside`).toEqual(old);
          else {
            expect(values(row), `ticket ${id}`).toEqual(values(applied(old, change)));
            const bump = changed.includes(id) ? 1 : 0;
            expect(row.crmVersion).toBe(old.crmVersion + bump);
            expect(row.version).toBe(old.version + (change.kind === 'assignee' ? bump : 0));
          }
        }
        const entries = markedEntries(result.data.id, false);
        const expectedEntries = changed.flatMap((id) => changedFields(before.get(id)!, after.get(id)!).map((field) => `${id}:${field}`));
        expect(entries.map((entry) => `${entry.entityId}:${entry.field}`).sort()).toEqual(expectedEntries.sort());
        expect(entries.filter((entry) => entry.userId !== crmUser.id || entry.oldValue === entry.newValue)).toEqual([]);

        // Another user changes one of the changed tickets in between.
        const touched = changed.length > 0 ? changed[pick % changed.length] : null;
        if (touched !== null) {
          db.update(s.tickets)
            .set({ probability: 7, crmVersion: sql`${s.tickets.crmVersion} + 1`, crmUpdatedById: admin.id })
            .where(eq(s.tickets.id, touched))
            .run();
        }
        const middle = snapshot();
        const undone = undoBulkChange(db, crmUser, { id: result.data.id });
        if (!undone.ok) throw new Error(JSON.stringify(undone));
        expect(undone.data).toEqual({
          restored: changed.length - (touched === null ? 0 : 1),
          skipped: touched === null ? [] : [{ name: admin.name, count: 1 }],
          gone: 0,
        });
        const restored = snapshot();
        for (const [id, row] of restored) {
          if (id === touched || !changed.includes(id)) expect(row, `ticket ${id} left`).toEqual(middle.get(id));
          else {
            expect(values(row), `ticket ${id} restored`).toEqual(values(before.get(id)!));
            expect(row.crmVersion).toBe(before.get(id)!.crmVersion + 2);
          }
        }
        const undoEntries = markedEntries(result.data.id, true);
        expect(undoEntries.length).toBe(
          changed.filter((id) => id !== touched).reduce((sum, id) => sum + changedFields(after.get(id)!, before.get(id)!).length, 0),
        );
        expect(undoBulkChange(db, crmUser, { id: result.data.id })).toMatchObject({ ok: false, error: 'bulk.error.alreadyUndone' });
        // Put the touched ticket back so that later runs start from plain data.
        if (touched !== null)
          db.update(s.tickets)
            .set({ probability: before.get(touched)!.probability })
            .where(eq(s.tickets.id, touched))
            .run();
      }),
      { seed: 20_261_206, numRuns: 60 },
    );
  });
});

describe('refusals', () => {
  const selection = (): BulkSelection => ({ kind: 'tickets', ids: ids.tickets.slice(0, 50) });
  const crmCount = () =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(s.tickets)
      .where(
        sql`${s.tickets.crmEnabled} = 1 and ${s.tickets.id} in (${sql.join(
          ids.tickets.slice(0, 50).map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
      .get()!.n;

  it('refuses a plain user, to change and to undo', () => {
    expect(() =>
      applyBulkChange(db, agent, { selection: selection(), change: { kind: 'probability', probability: 50 }, expectedCount: crmCount() }),
    ).toThrow(AccessDenied);
    const done = applyBulkChange(db, crmUser, {
      selection: selection(),
      change: { kind: 'probability', probability: 51 },
      expectedCount: crmCount(),
    });
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(() => undoBulkChange(db, agent, { id: done.data.id })).toThrow(AccessDenied);
    expect(() => listBulkChanges(db, agent)).toThrow(AccessDenied);
    // Any crm user may undo (as any may edit those tickets).
    expect(undoBulkChange(db, admin, { id: done.data.id })).toMatchObject({ ok: true });
  });

  it('lists the bulk changes newest first, a page at a time, with how many there are', () => {
    const earlier = listBulkChanges(db, crmUser).total;
    const insert = db.$client.prepare('insert into bulk_changes (user_id, change, ticket_count, changed_count, at) values (?, ?, 1, 1, ?)');
    // Newer than anything the fixture holds.
    for (let i = 0; i < 55; i++) insert.run(crmUser.id, JSON.stringify({ kind: 'probability', probability: i }), Date.now() + 60_000 + i);
    const chance = (row: { change: unknown }) => (row.change as { probability: number }).probability;
    const first = listBulkChanges(db, crmUser);
    expect(first).toMatchObject({ total: earlier + 55, page: 1, pageSize: 50 });
    expect(first.rows.map(chance)).toEqual(Array.from({ length: 50 }, (_, i) => 54 - i));
    expect(listBulkChanges(db, crmUser, 2).rows.slice(0, 5).map(chance)).toEqual([4, 3, 2, 1, 0]);
    // A page past the last is the last.
    expect(listBulkChanges(db, crmUser, 99).page).toBe(Math.ceil((earlier + 55) / 50));
  });

  it('refuses when the selection changed since the confirmation, and a Verlustgrund beside a status not lost, writing nothing', () => {
    const before = snapshot();
    const changes = db
      .select({ n: sql<number>`count(*)` })
      .from(s.crmChanges)
      .get()!.n;
    expect(
      applyBulkChange(db, crmUser, {
        selection: selection(),
        change: { kind: 'probability', probability: 50 },
        expectedCount: crmCount() + 1,
      }),
    ).toMatchObject({ ok: false, error: 'bulk.error.countChanged', params: { count: crmCount() } });
    const open = ids.statuses.find((id) => !ids.lost.includes(id))!;
    expect(
      applyBulkChange(db, crmUser, {
        selection: selection(),
        change: { kind: 'crmStatus', crmStatusId: open, lostReasonId: ids.reasons[0] },
        expectedCount: crmCount(),
      }),
    ).toMatchObject({ ok: false, fieldErrors: { lostReasonId: 'bulk.error.lostReasonNotLost' } });
    expect(snapshot()).toEqual(before);
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(s.crmChanges)
        .get()!.n,
    ).toBe(changes);
  });
});

describe('the Verlauf of a bulk change', () => {
  it('names the Bearbeiter by its label, as it does every CRM field', () => {
    const property = historyProperty('ticket', 'assignee');
    expect(property && translator('de')(property.label)).toBe('Ticket-Bearbeiter');
  });
});
