// The personal calendar feed (SPEC section 17) end to end below the browser: the Kalender-Abo actions
// make and revoke the address, the route answers it with a calendar that Mozilla's parser (ical.js)
// reads event by event, and every kind of refusal is the same bare 404.
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { calendarFeeds, crmTicketStatuses, partners, tickets, users, type Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { session } from '../support/fake-guards';
import { freshAppDb } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/navigation', () => import('../support/fake-next'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'crm.test:3000', 'x-forwarded-proto': 'https' }) }));

const { GET } = await import('@/app/api/v1/crm/followups.ics/route');
const { createCalendarFeedAction, revokeCalendarFeedAction } = await import('@/app/(app)/account/calendar/actions');
const { createCalendarFeed, findFeedState, revokeCalendarFeed } = await import('@/lib/crm/followups/feed-tokens');
const { feedFollowupsQuery } = await import('@/lib/crm/followups/feed-queries');
const { followupClock } = await import('@/lib/crm/followups/clock');

/** Sunday 6 December 2026, 10:00 in Berlin. */
const NOW = Date.UTC(2026, 11, 6, 9, 0);
const LONG_TEXT = 'Rückruf, Angebot; Preise prüfen – Größenänderung für Übergabe '.repeat(4).trim();

let db: Db;
let carl: SessionUser;
let plain: SessionUser;
let ids: Record<string, number>;

function addUser(email: string, roles: Role[]): SessionUser {
  const id = db.insert(users).values({ email, name: email, passwordHash: '!', roles }).returning({ id: users.id }).get().id;
  return { id, email, name: email, roles, locale: 'de' };
}

let counter = 0;
function addTicket(title: string, assigneeId: number, at: string | null, text = '', crmEnabled = true): number {
  counter += 1;
  const partnerId = db.select({ id: partners.id }).from(partners).get()?.id;
  const statusId = db.select({ id: crmTicketStatuses.id }).from(crmTicketStatuses).get()?.id;
  return db
    .insert(tickets)
    .values({
      number: `T-${String(counter).padStart(6, '0')}`,
      title,
      assigneeId,
      crmEnabled,
      crmStatusId: crmEnabled ? statusId : null,
      partnerId,
      nextActionAt: at,
      nextActionText: text,
    })
    .returning({ id: tickets.id })
    .get().id;
}

const form = () => new FormData();
/** A calendar program's fetch, as the server sees it behind Next.js (Host, and the scheme it fills in). */
const feed = (query: string) =>
  GET(
    new Request(`http://crm.test:3000/api/v1/crm/followups.ics${query}`, {
      headers: { host: 'crm.test:3000', 'x-forwarded-proto': 'https' },
    }),
  );
const tokenOf = (address: string) => new URL(address).searchParams.get('token')!;

async function newAddress(user: SessionUser): Promise<string> {
  session.user = user;
  const answer = await createCalendarFeedAction({}, form());
  expect(answer.ok).toBe(true);
  return (answer.data as { address: string }).address;
}

function eventsOf(text: string): Map<string, ICAL.Event> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Meine Wiedervorlagen');
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return new Map(events.map((event) => [event.uid, event]));
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  delete process.env.AUTH_URL;
});

afterAll(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  db = freshAppDb();
  db.insert(partners).values({ gpid: 100001, name: 'Müller, Meier & Söhne; GmbH' }).run();
  db.insert(crmTicketStatuses).values({ name: 'Angebot erstellt' }).run();
  carl = addUser('carl@example.com', ['crm']);
  plain = addUser('agent@example.com', []);
  const doris = addUser('doris@example.com', ['crm']);
  ids = {
    day: addTicket('Rahmenvertrag', carl.id, '2026-12-06', 'Angebot nachfassen'),
    long: addTicket('Lizenzen, Wartung; Schulung für Zweigstelle Görlitz', carl.id, '2026-12-08T14:15', LONG_TEXT),
    noText: addTicket('Ohne Text', carl.id, '2026-12-10'),
    beforeSpring: addTicket('Vor der Umstellung', carl.id, '2027-03-27T10:00'),
    afterSpring: addTicket('Nach der Umstellung', carl.id, '2027-03-28T10:00'),
    beforeAutumn: addTicket('Sommerzeit', carl.id, '2026-10-24T10:00'),
    afterAutumn: addTicket('Winterzeit', carl.id, '2026-10-26T10:00'),
    tooOld: addTicket('Zu alt', carl.id, '2026-09-06'),
    noAction: addTicket('Keine Aktion', carl.id, null),
    notCrm: addTicket('Kein CRM', carl.id, '2026-12-07', 'geheim', false),
    others: addTicket('Von Doris', doris.id, '2026-12-07', 'fremd'),
  };
});

describe('the feed of a crm user', () => {
  it('holds one event per next action, with UID, date or UTC instant, summary and ticket address', async () => {
    const answer = await feed(`?token=${tokenOf(await newAddress(carl))}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(answer.headers.get('cache-control')).toContain('no-store');
    const text = await answer.text();
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = eventsOf(text);

    const uid = (key: string) => `ticket-${ids[key]}@crm.test:3000`;
    expect([...events.keys()].sort()).toEqual(
      ['day', 'long', 'noText', 'beforeSpring', 'afterSpring', 'beforeAutumn', 'afterAutumn'].map(uid).sort(),
    );

    const day = events.get(uid('day'))!;
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe('2026-12-06');
    expect(day.summary).toBe('T-000001 Rahmenvertrag – Angebot nachfassen');
    expect(day.component.getFirstPropertyValue('url')).toBe(`https://crm.test:3000/tickets/${ids.day}`);
    expect(day.description).toBe('Nächste Aktion: Angebot nachfassen\nPartner: Müller, Meier & Söhne; GmbH\nCRM-Status: Angebot erstellt');
    expect(day.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-06T09:00:00Z');

    // Commas, semicolons, umlauts and a summary folded over several lines come back exactly.
    const long = events.get(uid('long'))!;
    expect(long.summary).toBe(`T-000002 Lizenzen, Wartung; Schulung für Zweigstelle Görlitz – ${LONG_TEXT}`);
    expect(long.startDate.isDate).toBe(false);
    expect(long.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 8, 13, 15));
    expect(long.duration.toSeconds()).toBe(30 * 60);

    expect(events.get(uid('noText'))!.summary).toBe('T-000003 Ohne Text');
  });

  it('places a Berlin wall time at the right UTC instant on either side of a clock change', async () => {
    const events = eventsOf(await (await feed(`?token=${tokenOf(await newAddress(carl))}`)).text());
    const instant = (key: string) => events.get(`ticket-${ids[key]}@crm.test:3000`)!.startDate.toJSDate().getTime();
    expect(instant('beforeSpring')).toBe(Date.UTC(2027, 2, 27, 9, 0)); // CET, UTC+1
    expect(instant('afterSpring')).toBe(Date.UTC(2027, 2, 28, 8, 0)); // CEST, UTC+2
    expect(instant('beforeAutumn')).toBe(Date.UTC(2026, 9, 24, 8, 0));
    expect(instant('afterAutumn')).toBe(Date.UTC(2026, 9, 26, 9, 0));
  });

  it('keeps an event’s UID when its next action moves, so the calendar moves it', async () => {
    const token = tokenOf(await newAddress(carl));
    db.update(tickets).set({ nextActionAt: '2026-12-11T09:30' }).where(eq(tickets.id, ids.day)).run();
    const moved = eventsOf(await (await feed(`?token=${token}`)).text()).get(`ticket-${ids.day}@crm.test:3000`)!;
    expect(moved.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 11, 8, 30));
  });

  it('takes its origin from AUTH_URL when set', async () => {
    process.env.AUTH_URL = 'https://crm.example.com';
    try {
      const address = await newAddress(carl);
      expect(address).toMatch(/^https:\/\/crm\.example\.com\/api\/v1\/crm\/followups\.ics\?token=[A-Za-z0-9_-]{43}$/);
      const [event] = eventsOf(await (await feed(`?token=${tokenOf(address)}`)).text()).values();
      expect(event.uid).toMatch(/@crm\.example\.com$/);
      expect(event.component.getFirstPropertyValue('url')).toMatch(/^https:\/\/crm\.example\.com\/tickets\/\d+$/);
    } finally {
      delete process.env.AUTH_URL;
    }
  });
});

describe('the read', () => {
  it('walks the partial index of follow-ups in its order, without a sort, and joins by primary key', () => {
    const { sql, params } = feedFollowupsQuery(db, carl.id, followupClock(NOW)).toSQL();
    const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    expect(plan[0]).toMatch(/^SEARCH tickets USING INDEX tickets_crm_followups \(assignee_id=\? AND next_action_at>\?\)$/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});

describe('refusals', () => {
  async function refusal(query: string): Promise<{ status: number; body: string; type: string | null }> {
    const answer = await feed(query);
    return { status: answer.status, body: await answer.text(), type: answer.headers.get('content-type') };
  }

  it('answer the same bare 404 for no, unknown, malformed, revoked, deactivated and de-roled tokens', async () => {
    const expected = await refusal('');
    expect(expected).toEqual({ status: 404, body: 'Not Found', type: 'text/plain; charset=utf-8' });
    expect(await refusal('?token=')).toEqual(expected);
    expect(await refusal(`?token=${'A'.repeat(43)}`)).toEqual(expected);
    expect(await refusal('?token=../../etc')).toEqual(expected);

    const revoked = tokenOf(await newAddress(carl));
    expect((await feed(`?token=${revoked}`)).status).toBe(200);
    expect(revokeCalendarFeed(db, carl).ok).toBe(true);
    expect(await refusal(`?token=${revoked}`)).toEqual(expected);

    const token = tokenOf(await newAddress(carl));
    db.update(users).set({ active: false }).where(eq(users.id, carl.id)).run();
    expect(await refusal(`?token=${token}`)).toEqual(expected);
    db.update(users).set({ active: true, roles: [] }).where(eq(users.id, carl.id)).run();
    expect(await refusal(`?token=${token}`)).toEqual(expected);
    // Given back, the role opens the same address again: the check is made on every fetch.
    db.update(users)
      .set({ roles: ['crm_admin'] })
      .where(eq(users.id, carl.id))
      .run();
    expect((await feed(`?token=${token}`)).status).toBe(200);
  });

  it('a new address revokes the old one: one active feed per user', async () => {
    const first = tokenOf(await newAddress(carl));
    const second = tokenOf(await newAddress(carl));
    expect(second).not.toBe(first);
    expect((await feed(`?token=${first}`)).status).toBe(404);
    expect((await feed(`?token=${second}`)).status).toBe(200);
    const rows = db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, carl.id)).all();
    expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(1);
  });

  it('stores only the hash of a token', async () => {
    const token = tokenOf(await newAddress(carl));
    const stored = db.$client.prepare('select * from calendar_feeds').all() as Record<string, unknown>[];
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.map((row) => row.token_hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });
});

describe('the Kalender-Abo actions', () => {
  it('show the state, create once, revoke, and refuse revoking what is not there', async () => {
    expect(findFeedState(db, carl)).toBeNull();
    const address = await newAddress(carl);
    expect(address).toMatch(/^https:\/\/crm\.test:3000\/api\/v1\/crm\/followups\.ics\?token=[A-Za-z0-9_-]{43}$/);
    expect(findFeedState(db, carl)?.createdAt.getTime()).toBe(NOW);

    session.user = carl;
    // A success goes on to the page saying so (the revoke form is gone there).
    await expect(revokeCalendarFeedAction({}, form())).rejects.toThrow(/^redirect:\/account\/calendar\?revoked=[0-9a-z]+$/);
    expect(findFeedState(db, carl)).toBeNull();
    expect((await feed(`?token=${tokenOf(address)}`)).status).toBe(404);
    expect(await revokeCalendarFeedAction({}, form())).toMatchObject({
      ok: false,
      error: 'Es gibt keine aktive Kalender-Adresse zum Widerrufen.',
    });
  });

  it('refuse a user without crm, in the action and in the data layer, and write nothing', async () => {
    session.user = plain;
    expect(await createCalendarFeedAction({}, form())).toEqual({ ok: false, error: 'Keine Berechtigung für diese Aktion.' });
    expect(await revokeCalendarFeedAction({}, form())).toMatchObject({ ok: false });
    session.user = null;
    expect(await createCalendarFeedAction({}, form())).toMatchObject({ ok: false });
    expect(() => createCalendarFeed(db, plain)).toThrow(/requires role crm/);
    expect(() => findFeedState(db, plain)).toThrow(/requires role crm/);
    expect(db.select().from(calendarFeeds).all()).toEqual([]);
  });
});
