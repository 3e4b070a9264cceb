// Staleness is judged by a ticket's last CRM change (SPEC section 17), kept in tickets.crm_moved_at by
// the trigger of migration 0005 from every Verlauf entry of a field that moves the deal on. The trigger's
// list of fields is the property registry's (`movesDeal`), and the Verlauf's writers keep the column true.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { valueContext } from '@/lib/crm/dashboard/filter-sql';
import { followupClock, staleDays } from '@/lib/crm/followups/clock';
import { CRM_PROPERTIES, type CrmProperty } from '@/lib/crm/properties';
import { staleCase } from '@/lib/crm/property-sql';
import { formValues } from '@/lib/crm/record/fields';
import type { TicketCrmInput } from '@/lib/crm/schemas';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { readTicketCrm } from '@/lib/crm/tickets/queries';
import { addDays, berlinInstant, berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { createTicket } from '@/lib/tickets/mutations';
import { freshAppDb, sessionUser } from '../support/db';
import { DEAL_FIELDS, mayMoveDeal, runStep, stepArbitrary, type Step, type StepWorld } from './stale-deals-steps';

let db: Db;

beforeEach(() => {
  db = freshAppDb();
});

describe('the last CRM change', () => {
  it('is moved by exactly the registry fields that move the deal on', () => {
    const declared = (Object.values(CRM_PROPERTIES) as CrmProperty[])
      .filter((property) => property.entity === 'ticket' && property.movesDeal)
      .map((property) => property.field)
      .sort();
    const trigger = db.$client
      .prepare("select sql from sqlite_master where type = 'trigger' and name = 'crm_changes_moves_deal'")
      .pluck()
      .get() as string;
    const listed = [.../IN \(([^)]*)\)/.exec(trigger)![1].matchAll(/'(\w+)'/g)].map((match) => match[1]).sort();
    expect(listed).toEqual(declared);
    expect(declared).toEqual(['campaigns', 'crmStatus', 'expectedClose', 'potential', 'probability', 'products']);
  });
});

// ---------------------------------------------------------------------------------------------
// Staleness proven from histories: random sequences of real writes at controlled clocks keep
// tickets.crm_moved_at the newest Verlauf entry of the six deal-moving fields, and the SQL twin of
// the stale rule agrees with the clock's staleDays for every ticket at random instants.

const DEAL_HISTORY_FIELDS = ['crmStatus', 'probability', 'potential', 'expectedClose', 'products', 'campaigns'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 11, 6, 9, 30);

type MovedRow = { id: number; moved: number | null; newest: number | null };

/** Every ticket's last CRM change as kept, and as read from its Verlauf. */
function lastChanges(): MovedRow[] {
  return db.$client
    .prepare(
      `select t.id, t.crm_moved_at as moved, (select max(c.at) from crm_changes c where c.entity = 'ticket' and c.entity_id = t.id
         and c.field in (${DEAL_HISTORY_FIELDS.map(() => '?').join(', ')})) as newest
       from tickets t order by t.id`,
    )
    .all(...DEAL_HISTORY_FIELDS) as MovedRow[];
}

/** The six deal-moving values of a ticket as the panel holds them (bridges sorted). */
function dealValues(id: number): string {
  const form = formValues('ticket', readTicketCrm(db, id)!) as unknown as Record<string, unknown>;
  return JSON.stringify(DEAL_FIELDS.map((field) => (Array.isArray(form[field]) ? [...(form[field] as number[])].sort() : form[field])));
}

function world(): StepWorld {
  const ids = (query: string) => db.$client.prepare(query).pluck().all() as number[];
  return {
    db,
    user: sessionUser(db, 'crm@example.com'),
    // CRM tickets of every kind (with and without history, open, won, lost, without status) and one without CRM.
    tickets: [
      ...ids('select id from tickets where crm_enabled = 1 order by id limit 6'),
      ...ids('select id from tickets where crm_enabled = 0 order by id limit 1'),
    ],
    partners: ids('select id from partners order by id limit 3'),
    statuses: db.$client.prepare('select id, phase from crm_ticket_statuses order by id').all() as { id: number; phase: string }[],
    reasons: ids('select id from lost_reasons order by id limit 3'),
    products: ids('select id from products order by id limit 4'),
    campaigns: ids('select id from campaigns order by id limit 3'),
    users: ids("select id from users where email in ('crm@example.com', 'admin@example.com', 'doris@example.com') order by id"),
    applied: [],
  };
}

const seen = { moved: 0, left: 0, refusedOrSame: 0 };

/** The entity and field of every Verlauf entry the steps wrote (they run after START). */
const recordedFields = () =>
  db.$client
    .prepare("select distinct entity || '.' || field from crm_changes where at >= ?")
    .pluck()
    .all(START - 3 * DAY) as string[];

/** Runs the steps at their clocks against a model of every touched ticket's last CRM change. */
function runSteps(state: StepWorld, steps: [Step, number][], start: number): void {
  let clock = start;
  // Begins consistent: the model starts from what is kept.
  const expected = new Map(lastChanges().map((row) => [row.id, row.moved]));
  for (const row of lastChanges()) expect(row.moved).toBe(row.newest);
  for (const [step, minutes] of steps) {
    // The clock mostly goes forwards, sometimes back (a change written later may carry an older time).
    clock += minutes * 60_000;
    vi.setSystemTime(clock);
    const before = new Map(state.tickets.map((id) => [id, dealValues(id)]));
    const keptBefore = new Map(lastChanges().map((row) => [row.id, row.moved]));
    runStep(state, step);
    for (const id of state.tickets) if (dealValues(id) !== before.get(id)) expected.set(id, Math.max(expected.get(id) ?? 0, clock));
    const after = lastChanges();
    for (const row of after) {
      expect(row.moved, `ticket ${row.id} after ${JSON.stringify(step)}`).toBe(row.newest);
      expect(row.moved, `ticket ${row.id} after ${JSON.stringify(step)}`).toBe(expected.get(row.id) ?? null);
    }
    const changed = after.filter((row) => row.moved !== keptBefore.get(row.id)).length;
    if (!mayMoveDeal(step)) expect(changed, JSON.stringify(step)).toBe(0);
    if (changed > 0) seen.moved += 1;
    else if (mayMoveDeal(step)) seen.refusedOrSame += 1;
    else seen.left += 1;
  }
}

describe('the last CRM change under random real writes', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START - 400 * DAY);
    await seedDemoData(db);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is always the newest Verlauf entry of a deal-moving field; other writes leave it alone', () => {
    const base = world();
    const recorded = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stepArbitrary, fc.integer({ min: -3 * 24 * 60, max: 20 * 24 * 60 })), { minLength: 8, maxLength: 25 }),
        (steps) => {
          const state: StepWorld = { ...base, applied: [] };
          // Each run starts from the seeded data and is rolled back after (the mutations' own
          // transactions become savepoints inside it), so a failing sequence shrinks on its own.
          db.$client.exec('BEGIN');
          try {
            runSteps(state, steps, START);
            for (const field of recordedFields()) recorded.add(field);
          } finally {
            db.$client.exec('ROLLBACK');
          }
        },
      ),
      { seed: 21, numRuns: 40 },
    );
    // Not vacuous: many steps moved deals, many others were written and moved none.
    expect(seen.moved).toBeGreaterThan(100);
    expect(seen.left).toBeGreaterThan(100);
    // The other fields were written to the Verlauf meanwhile (they are recorded, they just do not count),
    // and so were partners' comments.
    expect([...recorded]).toEqual(
      expect.arrayContaining([
        'ticket.crmEnabled',
        'ticket.expectedUsers',
        'ticket.nextAction',
        'ticket.nextActionText',
        'ticket.lostReason',
        'ticket.assignee',
        'partner.comment1',
      ]),
    );
  });
});

type StaleRow = { id: number; statusId: number | null; phase: string | null; days: number | null; moved: number | null; activated: number };

function staleInSql(instant: number): number[] {
  const context = valueContext(db.$client, instant);
  return db
    .select({ id: tickets.id })
    .from(tickets)
    .where(sql`${tickets.crmEnabled} = 1 and ${staleCase(context)} = 1`)
    .orderBy(tickets.id)
    .all()
    .map((row) => row.id);
}

function staleInJs(instant: number): { stale: number[]; rows: StaleRow[] } {
  const clock = followupClock(instant);
  const rows = db.$client
    .prepare(
      `select t.id, t.crm_status_id as statusId, s.phase, s.stale_after_days as days, t.crm_moved_at as moved, t.crm_activated_at as activated
       from tickets t left join crm_ticket_statuses s on s.id = t.crm_status_id where t.crm_enabled = 1 order by t.id`,
    )
    .all() as StaleRow[];
  const stale = rows.filter((row) => staleDays(row.moved ?? row.activated, row.phase === 'open' ? row.days : null, clock) !== null);
  return { stale: stale.map((row) => row.id), rows };
}

describe('stale in SQL and in the clock agree', () => {
  beforeEach(async () => {
    await seedDemoData(db);
    // Two CRM tickets without any Verlauf (imported that way): their activation date counts.
    const user = sessionUser(db, 'crm@example.com');
    for (const days of [40, 3]) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() - days * DAY);
      const created = createTicket(db, user, {
        title: `Ohne Verlauf ${days}`,
        description: '',
        partnerId: null,
        contactId: null,
        assigneeId: null,
        status: 'open',
      });
      if (!created.ok) throw new Error('ticket not created');
      db.$client
        .prepare('update tickets set crm_enabled = 1, crm_activated_at = ?, crm_status_id = 1 where id = ?')
        .run(Date.now(), created.data.id);
      vi.useRealTimers();
    }
  });

  it('for every ticket at random instants and rules, midnights included; won, lost and no status never stale', () => {
    const statuses = db.$client.prepare('select id, phase from crm_ticket_statuses order by id').all() as { id: number; phase: string }[];
    const today = berlinIsoDate(Date.now());
    const instant = fc.oneof(
      fc.integer({ min: -60 * 24 * 60, max: 120 * 24 * 60 }).map((minutes) => Date.now() + minutes * 60_000),
      // Close around a Berlin midnight: a minute either way flips the day.
      fc
        .tuple(fc.integer({ min: -30, max: 90 }), fc.integer({ min: -120, max: 120 }))
        .map(([days, seconds]) => berlinInstant(addDays(today, days)) + seconds * 1000),
    );
    const seen = { stale: 0, fresh: 0, withoutHistory: 0, decidedWithRule: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), { minLength: statuses.length, maxLength: statuses.length }),
        instant,
        (rules, at) => {
          statuses.forEach((status, index) =>
            db.$client.prepare('update crm_ticket_statuses set stale_after_days = ? where id = ?').run(rules[index], status.id),
          );
          const { stale, rows } = staleInJs(at);
          expect(staleInSql(at)).toEqual(stale);
          const byId = new Map(rows.map((row) => [row.id, row]));
          for (const id of stale) {
            const row = byId.get(id)!;
            expect(row.phase).toBe('open');
            if (row.moved === null) seen.withoutHistory += 1;
          }
          seen.decidedWithRule += rows.filter((row) => row.phase !== 'open' && row.phase !== null && row.days !== null).length;
          seen.stale += stale.length;
          seen.fresh += rows.length - stale.length;
        },
      ),
      { seed: 17, numRuns: 150 },
    );
    expect(seen.stale).toBeGreaterThan(100);
    expect(seen.fresh).toBeGreaterThan(100);
    expect(seen.withoutHistory).toBeGreaterThan(0);
    expect(seen.decidedWithRule).toBeGreaterThan(0);
  });

  it.each(['2026-03-28', '2026-10-24', '2026-11-10'])(
    'turns at Berlin midnight: a change at 23:59 on %s against one at 00:01 the next day',
    (day) => {
      const user = sessionUser(db, 'crm@example.com');
      db.$client.prepare("update crm_ticket_statuses set stale_after_days = 3 where name = 'Verhandlung'").run();
      const statusId = db.$client.prepare("select id from crm_ticket_statuses where name = 'Verhandlung'").pluck().get() as number;
      vi.useFakeTimers({ toFake: ['Date'] });
      const ticketAt = (title: string, changedAt: number) => {
        vi.setSystemTime(berlinInstant(addDays(day, -10)));
        const created = createTicket(db, user, {
          title,
          description: '',
          partnerId: null,
          contactId: null,
          assigneeId: null,
          status: 'open',
        });
        if (!created.ok) throw new Error('ticket not created');
        const id = created.data.id;
        setTicketCrmEnabled(db, user, { id, crmVersion: readTicketCrm(db, id)!.crmVersion, enabled: true });
        vi.setSystemTime(changedAt);
        const current = readTicketCrm(db, id)!;
        const form = { ...formValues('ticket', current), id, crmVersion: current.crmVersion, newCampaigns: [], newProducts: [] };
        expect(saveTicketCrm(db, user, { ...form, crmStatusId: statusId, probability: 40 } as TicketCrmInput)).toMatchObject({ ok: true });
        return id;
      };
      const late = ticketAt('Kurz vor Mitternacht', berlinInstant(addDays(day, 1)) - 60_000);
      const early = ticketAt('Kurz nach Mitternacht', berlinInstant(addDays(day, 1)) + 60_000);
      vi.useRealTimers();
      const judged = (at: number) => {
        const { stale } = staleInJs(at);
        expect(staleInSql(at)).toEqual(stale);
        const clock = followupClock(at);
        const days = (id: number) =>
          staleDays(db.$client.prepare('select crm_moved_at from tickets where id = ?').pluck().get(id) as number, 3, clock);
        return { late: [stale.includes(late), days(late)], early: [stale.includes(early), days(early)] };
      };
      // Three days after: both fresh, up to the last minute of that day.
      expect(judged(berlinInstant(addDays(day, 4)) - 60_000)).toEqual({ late: [false, null], early: [false, null] });
      // Just after midnight the one from 23:59 is stale for a day; the one from 00:01 is not.
      expect(judged(berlinInstant(addDays(day, 4)) + 30_000)).toEqual({ late: [true, 1], early: [false, null] });
      expect(judged(berlinInstant(addDays(day, 5)) + 30_000)).toEqual({ late: [true, 2], early: [true, 1] });
    },
  );
});
