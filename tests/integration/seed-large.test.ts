// The benchmark generator's pipeline (`npm run seed:large`): expected close dates spread over the past
// six and the next twelve months, Verlustgründe, slipped dates, and a Verlauf that agrees with every
// ticket's current values and gives the calibration something to show.
import { beforeAll, describe, expect, it } from 'vitest';
import { connection, type Db } from '@/db/client';
import { BENCH_USER_EMAIL, BENCH_USER_FOLLOWUPS, seedLargeData } from '@/db/seed/large';
import { CRM_TICKET_STATUSES } from '@/db/seed/lookups';
import { followupClock, nextActionState } from '@/lib/crm/followups/clock';
import { berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { freshAppDb, scratchDb } from '../support/db';

const NOW = Date.UTC(2026, 11, 6, 9, 30);
const DAY = 86_400_000;
const today = berlinIsoDate(NOW);
const dayOffset = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);

type Ticket = {
  id: number;
  status: string;
  phase: 'open' | 'won' | 'lost';
  statusName: string | null;
  probability: number | null;
  close: string | null;
  reason: string | null;
  crmUpdatedAt: number | null;
  crmUpdatedBy: number | null;
};
type Change = { entityId: number; field: string; oldValue: string | null; newValue: string | null; userId: number | null; at: number };

let db: Db;
let crmTickets: Ticket[];
let changes: Map<number, Change[]>;

const share = (part: number, whole: number) => part / whole;

beforeAll(async () => {
  db = freshAppDb();
  await seedLargeData(db, connection().sqlite, { partners: 300, tickets: 6_000, seed: 5, now: NOW });
  crmTickets = db.$client
    .prepare(
      `select t.id, t.status, coalesce(s.phase, 'open') as phase, s.name as statusName, t.probability, t.expected_close as close,
         r.name as reason, t.crm_updated_at as crmUpdatedAt, t.crm_updated_by_id as crmUpdatedBy
       from tickets t left join crm_ticket_statuses s on s.id = t.crm_status_id left join lost_reasons r on r.id = t.lost_reason_id
       where t.crm_enabled = 1`,
    )
    .all() as Ticket[];
  changes = new Map();
  const rows = db.$client
    .prepare(
      `select entity_id as entityId, field, old_value as oldValue, new_value as newValue, user_id as userId, at
       from crm_changes where entity = 'ticket' order by entity_id, at, id`,
    )
    .all() as Change[];
  for (const row of rows) changes.set(row.entityId, [...(changes.get(row.entityId) ?? []), row]);
}, 60_000);

describe('large data generator: the pipeline', () => {
  it('has every phase; won and lost tickets are closed with a chance of 100 or 0', () => {
    const byPhase = (phase: Ticket['phase']) => crmTickets.filter((ticket) => ticket.phase === phase);
    expect(share(byPhase('open').length, crmTickets.length)).toBeGreaterThan(0.55);
    expect(byPhase('won').length).toBeGreaterThan(200);
    expect(byPhase('lost').length).toBeGreaterThan(200);
    for (const ticket of byPhase('won')) expect([ticket.status, ticket.probability]).toEqual(['closed', 100]);
    for (const ticket of byPhase('lost')) expect([ticket.status, ticket.probability]).toEqual(['closed', 0]);
  });

  it('spreads expected close dates: open ones over the past six and next twelve months, decided ones over the past six; about a tenth without', () => {
    const withoutDate = crmTickets.filter((ticket) => ticket.close === null).length;
    expect(share(withoutDate, crmTickets.length)).toBeGreaterThan(0.07);
    expect(share(withoutDate, crmTickets.length)).toBeLessThan(0.13);
    const open = crmTickets.filter((ticket) => ticket.phase === 'open' && ticket.close !== null).map((ticket) => dayOffset(ticket.close!));
    expect(Math.min(...open)).toBeGreaterThanOrEqual(-183);
    expect(Math.max(...open)).toBeLessThanOrEqual(366);
    expect(share(open.filter((offset) => offset < 0).length, open.length)).toBeGreaterThan(0.2);
    expect(share(open.filter((offset) => offset > 180).length, open.length)).toBeGreaterThan(0.2);
    const months = new Set(
      crmTickets.filter((ticket) => ticket.phase === 'open' && ticket.close).map((ticket) => ticket.close!.slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(18);
    const decided = crmTickets
      .filter((ticket) => ticket.phase !== 'open' && ticket.close !== null)
      .map((ticket) => dayOffset(ticket.close!));
    expect(Math.min(...decided)).toBeGreaterThanOrEqual(-183);
    expect(Math.max(...decided)).toBeLessThanOrEqual(0);
  });

  it('gives about 85 % of lost tickets a Verlustgrund and no other ticket one', () => {
    const lost = crmTickets.filter((ticket) => ticket.phase === 'lost');
    const withReason = share(lost.filter((ticket) => ticket.reason !== null).length, lost.length);
    expect(withReason).toBeGreaterThan(0.78);
    expect(withReason).toBeLessThan(0.92);
    expect(crmTickets.filter((ticket) => ticket.phase !== 'lost' && ticket.reason !== null)).toEqual([]);
  });

  it('moves the expected close later 1 to 3 times for about a quarter of the open tickets with a date', () => {
    const open = crmTickets.filter((ticket) => ticket.phase === 'open' && ticket.close !== null);
    const slips = open.map(
      (ticket) =>
        (changes.get(ticket.id) ?? []).filter(
          (change) => change.field === 'expectedClose' && change.oldValue !== null && change.newValue! > change.oldValue,
        ).length,
    );
    expect(share(slips.filter((count) => count > 0).length, open.length)).toBeGreaterThan(0.2);
    expect(share(slips.filter((count) => count > 0).length, open.length)).toBeLessThan(0.3);
    expect(Math.max(...slips)).toBe(3);
    expect(new Set(slips.filter((count) => count > 0))).toEqual(new Set([1, 2, 3]));
  });

  it('keeps a Verlauf for a good share of CRM tickets that leads, field by field, to the current values', () => {
    const withHistory = crmTickets.filter((ticket) => changes.has(ticket.id));
    expect(share(withHistory.length, crmTickets.length)).toBeGreaterThan(0.6);
    const current = (ticket: Ticket, field: string) =>
      ({
        crmStatus: ticket.statusName,
        probability: ticket.probability === null ? null : String(ticket.probability),
        expectedClose: ticket.close,
        lostReason: ticket.reason,
      })[field];
    for (const ticket of withHistory) {
      const history = changes.get(ticket.id)!;
      for (let i = 1; i < history.length; i++) expect(history[i].at, `ticket ${ticket.id}`).toBeGreaterThan(history[i - 1].at);
      expect(history.at(-1)!.at).toBeLessThanOrEqual(NOW);
      expect({ at: ticket.crmUpdatedAt, by: ticket.crmUpdatedBy }).toEqual({ at: history.at(-1)!.at, by: history[0].userId });
      expect(history[0].userId).not.toBeNull();
      for (const field of new Set(history.map((change) => change.field))) {
        const chain = history.filter((change) => change.field === field);
        expect(chain[0].oldValue, `${field} of ticket ${ticket.id} starts empty`).toBeNull();
        for (let i = 1; i < chain.length; i++) expect(chain[i].oldValue).toBe(chain[i - 1].newValue);
        expect(chain.at(-1)!.newValue, `${field} of ticket ${ticket.id}`).toBe(current(ticket, field));
      }
    }
    expect(crmTickets.filter((ticket) => !changes.has(ticket.id)).every((ticket) => ticket.crmUpdatedAt === null)).toBe(true);
  });

  it('records the chance each decided ticket had when it entered won or lost, which predicts winning, a little optimistically', () => {
    const decided = crmTickets.filter((ticket) => ticket.phase !== 'open');
    const entries = decided.map((ticket) => {
      const history = changes.get(ticket.id) ?? [];
      const entered = history.findLast((change) => change.field === 'crmStatus' && change.newValue === ticket.statusName);
      expect(entered, `ticket ${ticket.id} entered its status`).toBeDefined();
      const before = history.findLast((change) => change.field === 'probability' && change.at < entered!.at);
      expect(before, `ticket ${ticket.id} had a chance before`).toBeDefined();
      return { chance: Number(before!.newValue), won: ticket.phase === 'won' };
    });
    const winShare = (list: typeof entries) => share(list.filter((entry) => entry.won).length, list.length);
    const low = entries.filter((entry) => entry.chance < 30);
    const high = entries.filter((entry) => entry.chance >= 70);
    expect(low.length).toBeGreaterThan(100);
    expect(high.length).toBeGreaterThan(100);
    expect(winShare(high) - winShare(low)).toBeGreaterThan(0.35);
    const meanChance = entries.reduce((sum, entry) => sum + entry.chance, 0) / entries.length / 100;
    expect(winShare(entries)).toBeLessThan(meanChance);
    expect(winShare(entries)).toBeGreaterThan(meanChance - 0.15);
  });
});

describe('large data generator: next actions and stale rules', () => {
  type Action = { phase: Ticket['phase']; crm: number; at: string | null; text: string; assignee: string | null };
  const actions = () =>
    db.$client
      .prepare(
        `select coalesce(s.phase, 'open') as phase, t.crm_enabled as crm, t.next_action_at as at, t.next_action_text as text, u.email as assignee
         from tickets t left join crm_ticket_statuses s on s.id = t.crm_status_id left join users u on u.id = t.assignee_id`,
      )
      .all() as Action[];

  it('gives three in four open CRM tickets and one in ten decided ones a next action, none outside the CRM', () => {
    const rows = actions();
    expect(rows.filter((row) => !row.crm && (row.at !== null || row.text !== ''))).toEqual([]);
    const withAction = (phase: (p: Ticket['phase']) => boolean) => {
      const group = rows.filter((row) => row.crm && phase(row.phase));
      return share(group.filter((row) => row.at !== null).length, group.length);
    };
    expect(withAction((phase) => phase === 'open')).toBeGreaterThan(0.68);
    expect(withAction((phase) => phase === 'open')).toBeLessThan(0.82);
    expect(withAction((phase) => phase !== 'open')).toBeGreaterThan(0.05);
    expect(withAction((phase) => phase !== 'open')).toBeLessThan(0.2);
    for (const row of rows.filter((candidate) => candidate.at !== null)) {
      expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}(T(0[89]|1[0-7]):(00|15|30|45))?$/);
      expect(row.text).not.toBe('');
    }
  });

  it('spreads them around today: overdue, today, planned, some with a time; decided ones only ahead', () => {
    const clock = followupClock(NOW);
    const open = actions().filter((row) => row.crm && row.at !== null && row.phase === 'open');
    const states = open.map((row) => nextActionState(row.at, clock));
    for (const state of ['overdue', 'today', 'planned'] as const)
      expect(share(states.filter((candidate) => candidate === state).length, open.length), state).toBeGreaterThan(0.08);
    expect(share(open.filter((row) => row.at!.length > 10).length, open.length)).toBeGreaterThan(0.3);
    expect(share(open.filter((row) => row.at!.length > 10).length, open.length)).toBeLessThan(0.5);
    const offsets = open.map((row) => dayOffset(row.at!.slice(0, 10)));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-21);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(60);
    const decided = actions().filter((row) => row.crm && row.at !== null && row.phase !== 'open');
    for (const row of decided) expect(dayOffset(row.at!.slice(0, 10))).toBeGreaterThanOrEqual(1);
  });

  it(`gives ${BENCH_USER_EMAIL}, whom the bench signs in as, at least ${BENCH_USER_FOLLOWUPS} follow-ups`, () => {
    const held = actions().filter((row) => row.crm && row.at !== null && row.assignee === BENCH_USER_EMAIL);
    expect(held.length).toBeGreaterThanOrEqual(BENCH_USER_FOLLOWUPS);
    const states = new Set(held.map((row) => nextActionState(row.at, followupClock(NOW))));
    expect(states).toEqual(new Set(['overdue', 'today', 'planned']));
  });

  it('carries the demo stale rules on the open statuses and none on won or lost', () => {
    const rules = db.$client.prepare('select name, phase, stale_after_days as days from crm_ticket_statuses').all() as {
      name: string;
      phase: string;
      days: number | null;
    }[];
    for (const status of CRM_TICKET_STATUSES)
      expect(rules.find((rule) => rule.name === status.name)?.days ?? null).toBe(status.staleAfterDays ?? null);
    expect(rules.filter((rule) => rule.phase !== 'open' && rule.days !== null)).toEqual([]);
    expect(rules.filter((rule) => rule.days !== null).length).toBeGreaterThanOrEqual(4);
  });
});

describe('large data generator: deterministic', () => {
  it('makes the same tickets, next actions included, for the same seed and day', async () => {
    const first = scratchDb();
    await seedLargeData(first.db, first.db.$client, { partners: 50, tickets: 400, seed: 9, now: NOW });
    const second = scratchDb();
    await seedLargeData(second.db, second.db.$client, { partners: 50, tickets: 400, seed: 9, now: NOW });
    const columns =
      'number, title, status, assignee_id, crm_status_id, probability, potential_cents, expected_close, next_action_at, next_action_text';
    const read = (target: Db) => target.$client.prepare(`select ${columns} from tickets order by id`).all();
    expect(read(second.db)).toEqual(read(first.db));
    first.close();
    second.close();
  });
});
