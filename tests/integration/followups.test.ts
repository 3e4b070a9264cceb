// "Meine Wiedervorlagen" (SPEC section 17): the sections at fixed clocks around Berlin midnight, exact
// counts with paged rows, the due count, Erledigt and +1 Tag / +1 Woche (Verlauf written, CRM version
// bumped, crm_moved_at untouched, a stale form refused naming its author), the page's URL parameters,
// and a plain user refused by every read and write.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { followupClock } from '@/lib/crm/followups/clock';
import { completeFollowup, postponeFollowup } from '@/lib/crm/followups/mutations';
import { postponedNextAction } from '@/lib/crm/followups/postpone';
import { countDueFollowups, followupAssignees, followupNotice, listFollowups, ticketFollowupState } from '@/lib/crm/followups/queries';
import {
  completeFollowupSchema,
  FOLLOWUP_PAGE_SIZE,
  followupHref,
  parseFollowupParams,
  postponeFollowupSchema,
} from '@/lib/crm/followups/schemas';
import { germanSortKey } from '@/lib/order/sort-key';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next-auth', () => import('../support/fake-auth'));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));

/** Monday 7 December 2026, 23:59 in Berlin (CET, UTC+1), and the minute after: Tuesday 00:00. */
const MONDAY_2359 = Date.UTC(2026, 11, 7, 22, 59);
const TUESDAY_0000 = Date.UTC(2026, 11, 7, 23, 0);

let db: Db;
let carl: SessionUser;
let plain: SessionUser;
let tessa: SessionUser;
/** CRM-enabled tickets of the demo data, handed to Tessa one test at a time. */
let pool: number[];

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  carl = sessionUser(db, 'crm@example.com');
  plain = sessionUser(db, 'agent@example.com');
  db.insert(s.users)
    .values({ email: 'tessa@example.com', name: 'Tessa Test', sortName: germanSortKey('Tessa Test'), passwordHash: 'x', roles: ['crm'] })
    .run();
  tessa = sessionUser(db, 'tessa@example.com');
  pool = db
    .select({ id: s.tickets.id })
    .from(s.tickets)
    .where(eq(s.tickets.crmEnabled, true))
    .orderBy(s.tickets.id)
    .limit(FOLLOWUP_PAGE_SIZE + 10)
    .all()
    .map((row) => row.id);
});

/** Tessa's follow-ups: the first tickets of the pool get these next actions; the rest of the pool is not hers. */
function giveTessa(nextActions: string[]): number[] {
  db.update(s.tickets).set({ assigneeId: carl.id }).where(eq(s.tickets.assigneeId, tessa.id)).run();
  const ids = pool.slice(0, nextActions.length);
  ids.forEach((id, index) =>
    db
      .update(s.tickets)
      .set({ assigneeId: tessa.id, nextActionAt: nextActions[index], nextActionText: `Aktion ${index}` })
      .where(eq(s.tickets.id, id))
      .run(),
  );
  return ids;
}

const view = (assigneeId: number) => ({ assigneeId, section: null, page: 1 });
const sectionIds = (at: number) =>
  Object.fromEntries(
    listFollowups(db, carl, view(tessa.id), followupClock(at))!.sections.map((section) => [
      section.section,
      section.rows.map((row) => row.id),
    ]),
  );
const ticket = (id: number) => db.select().from(s.tickets).where(eq(s.tickets.id, id)).get()!;
const changes = (id: number) =>
  db
    .select({ field: s.crmChanges.field, oldValue: s.crmChanges.oldValue, newValue: s.crmChanges.newValue, userId: s.crmChanges.userId })
    .from(s.crmChanges)
    .where(and(eq(s.crmChanges.entity, 'ticket'), eq(s.crmChanges.entityId, id)))
    .orderBy(s.crmChanges.id)
    .all();

describe('the sections', () => {
  let ids: number[];
  beforeEach(() => {
    ids = giveTessa(['2026-12-06', '2026-12-07T23:30', '2026-12-07', '2026-12-07T23:59', '2026-12-13', '2026-12-14', '2026-12-07T08:00']);
  });

  it('a minute before Berlin midnight: a passed time is overdue, the rest of today is today, Sunday ends the week', () => {
    const [yesterday, earlier, today, lastMinute, sunday, nextMonday, morning] = ids;
    expect(sectionIds(MONDAY_2359)).toEqual({
      overdue: [yesterday, morning, earlier],
      today: [today, lastMinute],
      week: [sunday],
      later: [nextMonday],
    });
  });

  it('at Berlin midnight: yesterday’s are overdue and the week runs on to Sunday', () => {
    const [yesterday, earlier, today, lastMinute, sunday, nextMonday, morning] = ids;
    const sections = listFollowups(db, carl, view(tessa.id), followupClock(TUESDAY_0000))!.sections;
    expect(sections.map((section) => [section.section, section.count])).toEqual([
      ['overdue', 5],
      ['today', 0],
      ['week', 1],
      ['later', 1],
    ]);
    // Sorted by next action, then ticket number: a day without a time before that day's times.
    expect(sections[0].rows.map((row) => row.id)).toEqual([yesterday, today, morning, earlier, lastMinute]);
    expect(sections[2].rows.map((row) => row.id)).toEqual([sunday]);
    expect(sections[3].rows.map((row) => row.id)).toEqual([nextMonday]);
    expect(sections[0].rows.every((row) => row.state === 'overdue')).toBe(true);
  });

  it('counts what is due today and overdue for the start page', () => {
    expect(countDueFollowups(db, tessa, followupClock(MONDAY_2359))).toEqual({ overdue: 3, today: 2 });
    expect(countDueFollowups(db, tessa, followupClock(TUESDAY_0000))).toEqual({ overdue: 5, today: 0 });
  });

  it('lists whose follow-ups there are, with how many; an unknown user gives no list', () => {
    expect(followupAssignees(db, carl)).toContainEqual({ id: tessa.id, name: 'Tessa Test', count: 7 });
    const names = followupAssignees(db, carl).map((user) => user.name);
    expect(names).toEqual([...names].sort((a, b) => germanSortKey(a).localeCompare(germanSortKey(b))));
    expect(followupAssignees(db, carl).every((user) => user.count > 0)).toBe(true);
    expect(listFollowups(db, carl, view(999_999), followupClock(MONDAY_2359))).toBeUndefined();
  });
});

describe('the reads', () => {
  it('stay on the partial index of follow-ups', () => {
    giveTessa(['2026-12-07']);
    const sqlite = db.$client;
    const prepare = sqlite.prepare.bind(sqlite);
    const plans: string[] = [];
    const spy = vi.spyOn(sqlite, 'prepare').mockImplementation(((text: string) => {
      const values = Array((text.match(/\?/g) ?? []).length).fill(tessa.id);
      const steps = prepare(`explain query plan ${text}`).all(...values) as { detail: string }[];
      plans.push(steps.map((step) => step.detail).join(' | '));
      return prepare(text);
    }) as typeof sqlite.prepare);
    try {
      const clock = followupClock(MONDAY_2359);
      listFollowups(db, carl, view(tessa.id), clock);
      countDueFollowups(db, tessa, clock);
    } finally {
      spy.mockRestore();
    }
    const onTickets = plans.filter((plan) => /tickets/.test(plan));
    expect(onTickets.length).toBeGreaterThanOrEqual(3);
    for (const plan of onTickets.filter((plan) => !/^SEARCH users/.test(plan))) expect(plan).toContain('tickets_crm_followups');
  });
});

describe('a section of many', () => {
  it('keeps its count exact and pages its rows', () => {
    const ids = giveTessa(pool.map((_, index) => `2027-01-${String(1 + (index % 28)).padStart(2, '0')}`));
    const clock = followupClock(MONDAY_2359);
    const first = listFollowups(db, carl, view(tessa.id), clock)!.sections[3];
    expect(first.count).toBe(ids.length);
    expect(first.rows).toHaveLength(FOLLOWUP_PAGE_SIZE);
    expect(first.pages).toBe(2);
    const second = listFollowups(db, carl, { assigneeId: tessa.id, section: 'later', page: 2 }, clock)!.sections[3];
    expect(second.page).toBe(2);
    expect(second.rows).toHaveLength(ids.length - FOLLOWUP_PAGE_SIZE);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(ids.length);
    const keys = all.map((row) => `${row.nextActionAt} ${row.number}`);
    expect(keys).toEqual([...keys].sort());
    // A page past the end shows the last one.
    expect(listFollowups(db, carl, { assigneeId: tessa.id, section: 'later', page: 9 }, clock)!.sections[3].page).toBe(2);
  });
});

describe('postponing', () => {
  const clock = followupClock(MONDAY_2359);
  it('moves on from the later of the due day and today, keeping the time', () => {
    expect(postponedNextAction('2026-12-01T09:30', 'day', clock)).toBe('2026-12-08T09:30');
    expect(postponedNextAction('2026-12-01', 'week', clock)).toBe('2026-12-14');
    expect(postponedNextAction('2026-12-07T23:30', 'day', clock)).toBe('2026-12-08T23:30');
    expect(postponedNextAction('2026-12-20', 'week', clock)).toBe('2026-12-27');
    expect(postponedNextAction('2027-03-28T10:00', 'day', clock)).toBe('2027-03-29T10:00');
  });

  it('writes the Verlauf and the CRM stamp, but not the last CRM change', () => {
    const [id] = giveTessa(['2026-12-01T09:30']);
    const before = ticket(id);
    const result = postponeFollowup(db, carl, { id, crmVersion: before.crmVersion, step: 'day' }, MONDAY_2359);
    expect(result).toEqual({ ok: true, data: { nextActionAt: '2026-12-08T09:30', nextActionText: 'Aktion 0' } });
    const after = ticket(id);
    expect(after.nextActionAt).toBe('2026-12-08T09:30');
    expect(after.crmVersion).toBe(before.crmVersion + 1);
    expect(after.crmUpdatedById).toBe(carl.id);
    expect(after.crmMovedAt).toEqual(before.crmMovedAt);
    expect(after.version).toBe(before.version);
    expect(changes(id).at(-1)).toEqual({
      field: 'nextAction',
      oldValue: '2026-12-01T09:30',
      newValue: '2026-12-08T09:30',
      userId: carl.id,
    });
  });

  it('refuses a stale form naming who changed the ticket, and a ticket without a next action', () => {
    const [id] = giveTessa(['2026-12-07']);
    const version = ticket(id).crmVersion;
    expect(postponeFollowup(db, tessa, { id, crmVersion: version, step: 'week' }, MONDAY_2359).ok).toBe(true);
    expect(postponeFollowup(db, carl, { id, crmVersion: version, step: 'day' }, MONDAY_2359)).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Tessa Test',
    });
    expect(ticket(id).nextActionAt).toBe('2026-12-14');
    db.update(s.tickets).set({ nextActionAt: null }).where(eq(s.tickets.id, id)).run();
    expect(postponeFollowup(db, carl, { id, crmVersion: version + 1, step: 'day' }).ok).toBe(false);
  });
});

describe('Erledigt', () => {
  const done = (id: number, next: { nextAction?: string; nextActionTime?: string; nextActionText?: string } = {}) =>
    completeFollowupSchema.parse({ id: String(id), crmVersion: String(ticket(id).crmVersion), ...next });

  it('clears the next action and its text, with their Verlauf', () => {
    const [id] = giveTessa(['2026-12-07T10:00']);
    const moved = ticket(id).crmMovedAt;
    const count = changes(id).length;
    expect(completeFollowup(db, carl, done(id)).ok).toBe(true);
    expect(ticket(id)).toMatchObject({ nextActionAt: null, nextActionText: '', crmMovedAt: moved });
    expect(changes(id).slice(count)).toEqual([
      { field: 'nextAction', oldValue: '2026-12-07T10:00', newValue: null, userId: carl.id },
      { field: 'nextActionText', oldValue: 'Aktion 0', newValue: null, userId: carl.id },
    ]);
  });

  it('sets the next one typed at the row, with or without a time', () => {
    const [id] = giveTessa(['2026-12-07']);
    expect(
      completeFollowup(db, carl, done(id, { nextAction: '2026-12-10', nextActionTime: '14:15', nextActionText: 'Angebot nachfassen' })).ok,
    ).toBe(true);
    expect(ticket(id)).toMatchObject({ nextActionAt: '2026-12-10T14:15', nextActionText: 'Angebot nachfassen' });
    expect(completeFollowup(db, carl, done(id, { nextAction: '2026-12-11' })).ok).toBe(true);
    expect(ticket(id)).toMatchObject({ nextActionAt: '2026-12-11', nextActionText: '' });
  });

  it('refuses a stale form naming its author, changing nothing', () => {
    const [id] = giveTessa(['2026-12-07']);
    const stale = done(id);
    expect(completeFollowup(db, tessa, done(id, { nextAction: '2026-12-09' })).ok).toBe(true);
    expect(completeFollowup(db, carl, stale)).toEqual({ ok: false, error: 'staleVersion', changedBy: 'Tessa Test' });
    expect(ticket(id).nextActionAt).toBe('2026-12-09');
  });

  it('reads a time or a text without a day as a mistake on the date field', () => {
    const base = { id: '1', crmVersion: '1' };
    const issues = (input: Record<string, string>) => completeFollowupSchema.safeParse({ ...base, ...input }).error?.issues;
    expect(issues({ nextActionTime: '10:00' })).toMatchObject([{ path: ['nextAction'], message: 'crm.error.timeWithoutDate' }]);
    expect(issues({ nextActionText: 'anrufen' })).toMatchObject([{ path: ['nextAction'], message: 'followups.error.textWithoutDate' }]);
    expect(issues({ nextAction: '2026-02-30' })).toMatchObject([{ path: ['nextAction'] }]);
    expect(issues({ nextAction: '2026-12-08', nextActionTime: '25:00' })).toMatchObject([{ path: ['nextActionTime'] }]);
    expect(postponeFollowupSchema.safeParse({ ...base, step: 'month' }).success).toBe(false);
  });
});

describe('the page’s parameters', () => {
  it('reads a view, reports a bad assignee and round-trips the address after an action', () => {
    expect(parseFollowupParams({ assignee: 'abc' })).toMatchObject({ assigneeId: null, badAssignee: 'abc' });
    expect(parseFollowupParams({ assignee: ['7', '8'], section: 'nope', page: '-1' })).toMatchObject({
      assigneeId: 7,
      section: null,
      page: 1,
    });
    const href = followupHref({ assigneeId: 7, section: 'later', page: 2 }, { ticketId: 5, outcome: 'day', from: 'today' });
    expect(href).toBe('/crm/followups?assignee=7&section=later&page=2&done=5&outcome=day&from=today#followups-today');
    const search = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseFollowupParams(search)).toEqual({
      assigneeId: 7,
      badAssignee: null,
      section: 'later',
      page: 2,
      notice: { ticketId: 5, outcome: 'day', from: 'today' },
    });
  });
});

describe('the ticket panel’s follow-up state', () => {
  it('names the state and how long an open deal has been stale', () => {
    const [id] = giveTessa(['2026-12-07']);
    const rule = db
      .select()
      .from(s.crmTicketStatuses)
      .where(and(eq(s.crmTicketStatuses.phase, 'open'), inArray(s.crmTicketStatuses.staleAfterDays, [14])))
      .get()!;
    db.update(s.tickets)
      .set({ crmStatusId: rule.id, crmMovedAt: new Date(Date.UTC(2026, 10, 1, 12)) })
      .where(eq(s.tickets.id, id))
      .run();
    // 1 November to 7 December: 36 days, 22 beyond the rule of 14.
    expect(ticketFollowupState(db, carl, id, followupClock(MONDAY_2359))).toMatchObject({
      state: 'today',
      staleDays: 22,
      staleAfterDays: 14,
    });
    expect(ticketFollowupState(db, carl, id, followupClock(TUESDAY_0000))).toMatchObject({ state: 'overdue', staleDays: 23 });
  });
});

describe('a user without crm', () => {
  it('is refused by every read and write', () => {
    const [id] = giveTessa(['2026-12-07']);
    const clock = followupClock(MONDAY_2359);
    const crmVersion = ticket(id).crmVersion;
    const calls = [
      () => listFollowups(db, plain, view(tessa.id), clock),
      () => followupAssignees(db, plain),
      () => countDueFollowups(db, plain, clock),
      () => followupNotice(db, plain, id),
      () => ticketFollowupState(db, plain, id, clock),
      () => completeFollowup(db, plain, { id, crmVersion, nextAction: null, nextActionTime: null, nextActionText: '' }),
      () => postponeFollowup(db, plain, { id, crmVersion, step: 'day' }),
    ];
    for (const call of calls) expect(call).toThrow(AccessDenied);
    expect(ticket(id)).toMatchObject({ nextActionAt: '2026-12-07', crmVersion });
  });
});
