// The ticket list's pipeline criteria (Phase, "schließt in den nächsten N Tagen", "überfällig"):
// the SQL against a plain recomputation over every ticket, the board's columns and saved queries,
// and a user without `crm` who can neither save, run nor count with them.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { PHASES, queries, tickets, type Phase } from '@/db/schema';
import { seedLargeData } from '@/db/seed/large';
import type { SessionUser } from '@/lib/auth/guards';
import { PHASE_OF_TICKET } from '@/lib/crm/property-sql';
import { parseExportRequest } from '@/lib/data-manager/params';
import { createQuery, updateQuery } from '@/lib/ticketboard/mutations';
import { listOwnQueries, loadBoardColumn } from '@/lib/ticketboard/queries';
import { parseSavedParams } from '@/lib/ticketboard/saved-params';
import { createQuerySchema, updateQuerySchema } from '@/lib/ticketboard/schemas';
import { EMPTY_TICKET_LIST_PARAMS, parseTicketListParams, type TicketListParams } from '@/lib/tickets/filters';
import { addDays } from '@/lib/csv/berlin-calendar';
import { berlinToday } from '@/lib/tickets/pipeline-criteria';
import { listTickets, ticketListWhere } from '@/lib/tickets/queries';
import { session } from '../support/fake-guards';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));

const { createQueryAction } = await import('@/app/(app)/ticketboard/actions');

let db: Db;
let crm: SessionUser;
let agent: SessionUser;
let today: string;

type Row = { crmEnabled: number; phase: Phase; close: string | null };
let rows: Row[];

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** The criteria as a user reads them, over plain rows (the rule of SPEC sections 6 and 14). */
function expectedCount(params: TicketListParams, on: string): number {
  return rows.filter((row) => {
    const pipeline = params.crmPhase.length > 0 || params.closeWithin !== null || params.overdue;
    if (!pipeline) return true;
    if (row.crmEnabled !== 1) return false;
    if (params.crmPhase.length > 0 && !params.crmPhase.includes(row.phase)) return false;
    if (params.closeWithin !== null && !(row.close !== null && row.close >= on && row.close <= addDays(on, params.closeWithin)))
      return false;
    if (params.overdue && !(row.close !== null && row.close < on && row.phase === 'open')) return false;
    return true;
  }).length;
}

function countWhere(params: TicketListParams, user: SessionUser, on: string): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .where(ticketListWhere(params, user, on))
    .get()!.n;
}

beforeAll(async () => {
  db = freshAppDb();
  await seedLargeData(db, db.$client, { partners: 100, tickets: 1_200, seed: 11 });
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
  today = berlinToday();
  // Own expected close dates, whatever the generator set: a spread from 60 days back to 60 ahead,
  // a tenth without a date, some on non-CRM tickets (which no criterion may match).
  db.$client
    .prepare(
      `update tickets set expected_close = case when id % 10 = 0 then null
         else date(?, ((id * 37) % 121 - 60) || ' days') end`,
    )
    .run(today);
  rows = db
    .select({ crmEnabled: sql<number>`${tickets.crmEnabled}`, phase: sql<Phase>`${PHASE_OF_TICKET}`, close: tickets.expectedClose })
    .from(tickets)
    .all();
}, 60_000);

beforeEach(() => {
  session.user = null;
});

describe('the pipeline criteria match a plain recomputation', () => {
  it('the data has tickets of every phase, overdue ones, and ones due within 30 days', () => {
    for (const phase of PHASES) expect(rows.filter((row) => row.crmEnabled === 1 && row.phase === phase).length).toBeGreaterThan(10);
    expect(expectedCount({ ...EMPTY_TICKET_LIST_PARAMS, overdue: true }, today)).toBeGreaterThan(10);
    expect(expectedCount({ ...EMPTY_TICKET_LIST_PARAMS, closeWithin: 30 }, today)).toBeGreaterThan(10);
  });

  it('for any phases, window and overdue flag, on any day (fixed seed)', () => {
    const params = fc.record({
      crmPhase: fc.uniqueArray(fc.constantFrom(...PHASES)),
      closeWithin: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
      overdue: fc.boolean(),
    });
    const day = fc.integer({ min: -90, max: 90 }).map((offset) => addDays(today, offset));
    fc.assert(
      fc.property(params, day, (chosen, on) => {
        const full: TicketListParams = { ...EMPTY_TICKET_LIST_PARAMS, ...chosen };
        expect(countWhere(full, crm, on)).toBe(expectedCount(full, on));
      }),
      { seed: 20_261_206, numRuns: 150 },
    );
  });

  it('windows are inclusive at both ends: today and today + N count, tomorrow + N does not', () => {
    const within = (days: number) => countWhere({ ...EMPTY_TICKET_LIST_PARAMS, closeWithin: days }, crm, today);
    const onDay = (date: string) => rows.filter((row) => row.crmEnabled === 1 && row.close === date).length;
    expect(onDay(today)).toBeGreaterThan(0);
    expect(within(1)).toBe(onDay(today) + onDay(addDays(today, 1)));
    expect(within(2) - within(1)).toBe(onDay(addDays(today, 2)));
  });

  it('the board column counts and shows the same tickets as the ticket list', () => {
    const created = createQuery(db, crm, createQuerySchema.parse({ name: 'Überfällig', overdue: 'on', crmPhase: 'open' }));
    if (!created.ok) throw new Error(created.error);
    const column = loadBoardColumn(
      db,
      crm,
      listOwnQueries(db, crm).find((query) => query.id === created.data.id)!,
    );
    expect(column.href).toBe('/tickets?crmPhase=open&overdue=1');
    expect(column.total).toBe(expectedCount({ ...EMPTY_TICKET_LIST_PARAMS, overdue: true }, today));
    expect(column.cards.every((card) => card.crm?.enabled)).toBe(true);
    expect(listTickets(db, crm, column.params, { limit: 50, offset: 0 }).total).toBe(column.total);
    db.delete(queries).where(eq(queries.id, created.data.id)).run();
  });

  it('Berlin dates: just before midnight UTC in winter it is already the next day in Berlin', () => {
    expect(berlinToday(Date.UTC(2026, 11, 5, 22, 59))).toBe('2026-12-05');
    expect(berlinToday(Date.UTC(2026, 11, 5, 23, 0))).toBe('2026-12-06');
    expect(berlinToday(Date.UTC(2026, 6, 5, 22, 0))).toBe('2026-07-06');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', 3650)).toBe('2035-12-30');
  });
});

describe('a user without crm', () => {
  const crafted = 'status=open&crmPhase=won&closeWithin=30&overdue=1';

  it('cannot filter with them: the parser reports them, the WHERE clause ignores them', () => {
    const { params, problems } = parseTicketListParams(new URLSearchParams(crafted), { allowCrm: false });
    expect(params).toEqual({ ...EMPTY_TICKET_LIST_PARAMS, status: ['open'] });
    expect(problems.map((problem) => [problem.param, problem.problem])).toEqual([
      ['crmPhase', 'crmForbidden'],
      ['closeWithin', 'crmForbidden'],
      ['overdue', 'crmForbidden'],
    ]);
    // Even handed the parameters, the WHERE clause applies no CRM criterion for them: counts tell nothing.
    const smuggled: TicketListParams = { ...EMPTY_TICKET_LIST_PARAMS, crmPhase: ['won'], closeWithin: 30, overdue: true };
    expect(countWhere(smuggled, agent, today)).toBe(rows.length);
    expect(listTickets(db, agent, smuggled, { limit: 5, offset: 0 }).total).toBe(rows.length);
  });

  it('cannot save them: mutation and action refuse each, nothing is stored', async () => {
    const before = listOwnQueries(db, agent);
    for (const fields of [
      { crmPhase: 'open' },
      { crmPhase: ['won', 'lost'] },
      { closeWithin: '30' },
      { overdue: 'on' },
      { overdue: '1' },
    ]) {
      expect(createQuery(db, agent, createQuerySchema.parse({ name: 'CRM', ...fields }))).toMatchObject({
        ok: false,
        error: 'ticketboard.error.crmForbidden',
      });
    }
    const own = before[0];
    expect(
      updateQuery(db, agent, updateQuerySchema.parse({ id: String(own.id), version: String(own.version), name: own.name, overdue: 'on' })),
    ).toMatchObject({ ok: false, error: 'ticketboard.error.crmForbidden' });
    session.user = agent;
    const refused = await createQueryAction({}, form({ name: 'Heimlich', closeWithin: '30' }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('stehen nur CRM-Benutzern zur Verfügung') });
    expect(listOwnQueries(db, agent)).toEqual(before);
  });

  it('a stored query with them (the role was taken away) does not run and shows no count', () => {
    expect(parseSavedParams(crafted, { allowCrm: false }).crmUnavailable).toBe(true);
    const created = createQuery(db, crm, createQuerySchema.parse({ name: 'Schließt in 30 Tagen', closeWithin: '30' }));
    if (!created.ok) throw new Error(created.error);
    const demoted: SessionUser = { ...crm, roles: [] };
    const query = listOwnQueries(db, demoted).find((candidate) => candidate.id === created.data.id)!;
    expect(query.params).toEqual(EMPTY_TICKET_LIST_PARAMS);
    expect(loadBoardColumn(db, demoted, query)).toMatchObject({ crmUnavailable: true, total: null, cards: [] });
    db.delete(queries).where(eq(queries.id, created.data.id)).run();
  });

  it('the data manager refuses them with crmForbidden (403), as the other CRM criteria', () => {
    for (const name of ['crmPhase=open', 'closeWithin=30', 'overdue=1']) {
      expect(parseExportRequest('tickets', new URLSearchParams(name), { roles: [] })).toMatchObject({
        problem: { param: name.split('=')[0], problem: 'crmForbidden' },
      });
    }
    expect(parseExportRequest('tickets', new URLSearchParams('overdue=1'), { roles: ['crm'] })).toMatchObject({
      request: { ticketParams: { overdue: true } },
    });
  });
});
