// The pipeline board (SPEC section 16): its column heads are the dashboard's level-1 totals for every
// column key and random filters (fast-check, fixed seed); a move sets the column's field through the
// same rules as a save of that field (version, Verlustgrund, Verlauf; the Bearbeiter's master-data
// version); a month move keeps the day; a plain user is refused. Each test makes its own tickets.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { BOARD_COLUMNS, cardsPerColumn, parseBoardColumn } from '@/lib/crm/board/columns';
import { dateInMonth } from '@/lib/crm/board/month';
import { moveCard } from '@/lib/crm/board/move';
import { readBoard } from '@/lib/crm/board/read';
import { moveCardSchema } from '@/lib/crm/board/schemas';
import { emptyDashboardParams, ID_FILTERS, type DashboardParams, type IdFilter } from '@/lib/crm/dashboard/params';
import { listPageIds, summariseDashboard } from '@/lib/crm/dashboard/queries';
import { listCrmHistory } from '@/lib/crm/history';
import { setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { translator } from '@/lib/i18n';
import { createTicket } from '@/lib/tickets/mutations';
import { session } from '../support/fake-guards';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));

const t = translator('de');
const noSearch = { partner: '', contact: '' };

describe('dateInMonth', () => {
  it('keeps the day, clamps to the month’s last day, and gives a ticket without a date the last day', () => {
    expect(dateInMonth('2027-03', '2026-12-15')).toBe('2027-03-15');
    expect(dateInMonth('2027-02', '2027-01-31')).toBe('2027-02-28');
    expect(dateInMonth('2028-02', '2027-01-31')).toBe('2028-02-29');
    expect(dateInMonth('2027-04', '2027-03-31')).toBe('2027-04-30');
    expect(dateInMonth('2027-06', null)).toBe('2027-06-30');
    expect(dateInMonth('2027-02', null)).toBe('2027-02-28');
  });
});

describe('cards per column', () => {
  it('are at most 50, fewer where many columns would make every card offer many targets', () => {
    expect([1, 4, 6, 7, 8, 12, 20, 40].map(cardsPerColumn)).toEqual([50, 50, 48, 35, 27, 12, 5, 5]);
  });
});

describe('the column parameter', () => {
  it('defaults to crmStatus and names a refused value', () => {
    expect(parseBoardColumn(undefined)).toEqual({ column: 'crmStatus', invalid: null });
    expect(parseBoardColumn('closeMonth')).toEqual({ column: 'closeMonth', invalid: null });
    expect(parseBoardColumn('product')).toEqual({ column: 'crmStatus', invalid: 'product' });
  });
});

describe('column totals', () => {
  let db: Db;
  let user: SessionUser;
  let ids: Record<IdFilter, number[]>;

  beforeAll(async () => {
    db = freshAppDb();
    await seedDemoData(db);
    user = sessionUser(db, 'crm@example.com');
    const all = (table: typeof s.crmTicketStatuses | typeof s.products | typeof s.lostReasons) =>
      db
        .select({ id: table.id })
        .from(table)
        .all()
        .map((row) => row.id);
    const userIds = db
      .select({ id: s.users.id })
      .from(s.users)
      .all()
      .map((row) => row.id);
    ids = Object.fromEntries(ID_FILTERS.map((key) => [key, [] as number[]])) as Record<IdFilter, number[]>;
    Object.assign(ids, {
      crmStatus: all(s.crmTicketStatuses),
      product: all(s.products),
      lostReason: all(s.lostReasons),
      assignee: userIds,
    });
  });

  function paramsArbitrary(): fc.Arbitrary<DashboardParams> {
    const choice = (key: IdFilter) =>
      fc.option(fc.record({ ids: fc.subarray(ids[key] ?? [], { maxLength: Math.min(3, (ids[key] ?? []).length) }), none: fc.boolean() }), {
        freq: 3,
        nil: undefined,
      });
    const bounds = [-120, 0, 60, 300].map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
    return fc
      .record({
        filters: fc.record(Object.fromEntries(ID_FILTERS.map((key) => [key, choice(key)])) as Record<IdFilter, ReturnType<typeof choice>>),
        phase: fc.subarray([...s.PHASES], { maxLength: 2 }),
        closeFrom: fc.option(fc.constantFrom(...bounds), { freq: 4, nil: null }),
        usersFrom: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 4, nil: null }),
        slipped: fc.boolean(),
      })
      .map((drawn) => {
        const params = emptyDashboardParams();
        for (const key of ID_FILTERS) params.filters[key] = drawn.filters[key] ?? { ids: [], none: false };
        return { ...params, phase: drawn.phase, closeFrom: drawn.closeFrom, usersFrom: drawn.usersFrom, slipped: drawn.slipped };
      });
  }

  it('equal the dashboard’s level-1 totals for each column key and random filters, in its order', () => {
    fc.assert(
      fc.property(paramsArbitrary(), fc.constantFrom(...BOARD_COLUMNS), (params, column) => {
        const board = readBoard(db, { user, params, column, search: noSearch });
        const dashboard = summariseDashboard(db, user, { ...params, groupBy: [column] }, t);
        expect(board.total).toEqual(dashboard.total);
        expect(board.columns.map((item) => [item.id, item.label, item.totals.count, item.totals.sumPotentialCents])).toEqual(
          dashboard.groups.map((group) => [group.id, group.label, group.count, group.sumPotentialCents]),
        );
        board.columns.forEach((item, index) => {
          // Every figure of the head, the phases' too, is the dashboard's level-1 group's.
          expect(item.totals).toEqual(dashboard.groups[index]);
          // The first cards of the column, highest potential first, as the dashboard lists the group.
          const limit = cardsPerColumn(board.columns.length);
          expect(limit).toBeLessThanOrEqual(50);
          expect(item.cards.map((card) => card.id)).toEqual(listPageIds(db, user, { ...params, groupBy: [column] }, limit, 0, [item.id]));
        });
      }),
      { seed: 20261206, numRuns: 40 },
    );
  });

  it('refuses a user without the crm role', () => {
    const agent = sessionUser(db, 'agent@example.com');
    expect(() => readBoard(db, { user: agent, params: emptyDashboardParams(), column: 'crmStatus', search: noSearch })).toThrow(
      AccessDenied,
    );
  });
});

describe('moving a card', () => {
  let db: Db;
  let crmUser: SessionUser;
  let admin: SessionUser;
  let agent: SessionUser;
  let ticketId: number;

  const ticket = () => db.select().from(s.tickets).where(eq(s.tickets.id, ticketId)).get()!;
  const statusOfPhase = (phase: s.Phase) => db.select().from(s.crmTicketStatuses).where(eq(s.crmTicketStatuses.phase, phase)).get()!;
  const reason = () => db.select().from(s.lostReasons).get()!;
  const history = () => listCrmHistory(db, crmUser, 'ticket', ticketId).map((entry) => [entry.field, entry.oldValue, entry.newValue]);

  /** The card's move form as it is sent, drawn with the ticket's current versions unless given. */
  function move(user: SessionUser, fields: Record<string, string>) {
    const current = ticket();
    const parsed = moveCardSchema.safeParse({
      id: String(ticketId),
      version: String(current.version),
      crmVersion: String(current.crmVersion),
      ...fields,
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    return moveCard(db, user, parsed.data);
  }

  beforeEach(async () => {
    db = freshAppDb();
    await seedDemoData(db);
    crmUser = sessionUser(db, 'crm@example.com');
    admin = sessionUser(db, 'admin@example.com');
    agent = sessionUser(db, 'agent@example.com');
    const created = createTicket(db, crmUser, {
      title: 'Board-Test',
      description: '',
      partnerId: null,
      contactId: null,
      assigneeId: null,
      status: 'open',
    });
    if (!created.ok) throw new Error('ticket not created');
    ticketId = created.data.id;
    expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: ticket().crmVersion, enabled: true })).toMatchObject({ ok: true });
  });

  it('into a month keeps the day, clamps to the month’s end, and gives a ticket without a date the last day', () => {
    expect(move(crmUser, { column: 'closeMonth', target: '2027-02' })).toMatchObject({ ok: true });
    expect(ticket().expectedClose).toBe('2027-02-28');
    db.update(s.tickets).set({ expectedClose: '2027-01-31' }).where(eq(s.tickets.id, ticketId)).run();
    expect(move(crmUser, { column: 'closeMonth', target: '2028-02' })).toMatchObject({ ok: true });
    expect(ticket().expectedClose).toBe('2028-02-29');
    db.update(s.tickets).set({ expectedClose: '2027-01-15' }).where(eq(s.tickets.id, ticketId)).run();
    expect(move(crmUser, { column: 'closeMonth', target: '2027-06' })).toMatchObject({ ok: true });
    expect(ticket().expectedClose).toBe('2027-06-15');
    expect(history()).toContainEqual(['expectedClose', null, '2027-02-28']);
  });

  it('into a status writes the Verlauf; into a lost one it needs a Verlustgrund, away from lost it clears it', () => {
    const open = statusOfPhase('open');
    const lost = statusOfPhase('lost');
    expect(move(crmUser, { column: 'crmStatus', target: String(open.id) })).toMatchObject({ ok: true });
    expect(ticket().crmStatusId).toBe(open.id);
    const before = ticket();
    expect(move(crmUser, { column: 'crmStatus', target: String(lost.id) })).toMatchObject({
      ok: false,
      error: 'board.error.lostReasonRequired',
      fieldErrors: { lostReasonId: 'board.error.lostReasonRequired' },
    });
    expect(ticket()).toEqual(before);
    expect(move(crmUser, { column: 'crmStatus', target: String(lost.id), lostReasonId: String(reason().id) })).toMatchObject({ ok: true });
    expect(ticket()).toMatchObject({ crmStatusId: lost.id, lostReasonId: reason().id });
    expect(move(crmUser, { column: 'crmStatus', target: String(open.id) })).toMatchObject({ ok: true });
    expect(ticket()).toMatchObject({ crmStatusId: open.id, lostReasonId: null });
    const fields = history().map(([field]) => field);
    expect(fields.filter((field) => field === 'crmStatus')).toHaveLength(3);
    expect(fields.filter((field) => field === 'lostReason')).toHaveLength(2);
  });

  it('refuses a stale move naming who changed the ticket, and writes nothing', () => {
    const stale = ticket();
    expect(move(admin, { column: 'closeMonth', target: '2027-05' })).toMatchObject({ ok: true });
    const after = ticket();
    const historyBefore = history();
    const parsed = moveCardSchema.parse({
      id: String(ticketId),
      version: String(stale.version),
      crmVersion: String(stale.crmVersion),
      column: 'crmStatus',
      target: String(statusOfPhase('open').id),
    });
    expect(moveCard(db, crmUser, parsed)).toMatchObject({ ok: false, error: 'staleVersion', changedBy: admin.name });
    expect(ticket()).toEqual(after);
    expect(history()).toEqual(historyBefore);
  });

  it('to a Bearbeiter follows the ticket form (its own version and stamp, a stale one refused naming the author), with a Verlauf entry', () => {
    const stale = ticket();
    expect(move(admin, { column: 'assignee', target: String(crmUser.id) })).toMatchObject({ ok: true });
    expect(ticket()).toMatchObject({
      assigneeId: crmUser.id,
      version: stale.version + 1,
      updatedById: admin.id,
      crmVersion: stale.crmVersion,
    });
    // The Verlauf names the Bearbeiter moved to, as a bulk change of it does.
    expect(history().filter(([field]) => field === 'assignee')).toHaveLength(1);
    const parsed = moveCardSchema.parse({
      id: String(ticketId),
      version: String(stale.version),
      crmVersion: String(stale.crmVersion),
      column: 'assignee',
      target: 'none',
    });
    expect(moveCard(db, crmUser, parsed)).toMatchObject({ ok: false, error: 'staleVersion', changedBy: admin.name });
    expect(ticket().assigneeId).toBe(crmUser.id);
    db.update(s.users).set({ active: false }).where(eq(s.users.id, admin.id)).run();
    expect(move(crmUser, { column: 'assignee', target: String(admin.id) })).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: 'tickets.error.assigneeNotFound' },
    });
  });

  it('refuses a plain user in the mutation and in the action', async () => {
    expect(() => move(agent, { column: 'closeMonth', target: '2027-05' })).toThrow(AccessDenied);
    const { moveCardAction } = await import('@/app/(app)/crm/board/actions');
    session.user = agent;
    const form = new FormData();
    for (const [name, value] of Object.entries({
      id: ticketId,
      version: 1,
      crmVersion: ticket().crmVersion,
      column: 'closeMonth',
      target: '2027-05',
    }))
      form.set(name, String(value));
    const answer = await moveCardAction({}, form);
    expect(answer).toMatchObject({ ok: false, error: t('error.forbidden') });
    expect(ticket().expectedClose).toBeNull();
    session.user = crmUser;
    expect(await moveCardAction({}, form)).toMatchObject({ ok: true });
    expect(ticket().expectedClose).toBe('2027-05-31');
  });
});
