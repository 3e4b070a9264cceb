// Ticket mutations and the ticket list query against a fresh migrated database: valid and invalid
// input, stale versions naming who saved, unknown ids, partner/contact consistency, numbering, filters.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, counters, crmTicketStatuses, partners, tickets, users, type TicketStatus } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { crmCriteriaOptions } from '@/lib/ticketboard/form-options';
import { dropUnknownCrmIds, EMPTY_TICKET_LIST_PARAMS, type TicketListParams } from '@/lib/tickets/filters';
import { createTicket, setTicketStatus, takeOverTicket, updateTicket } from '@/lib/tickets/mutations';
import { findTicketDetail, listTickets } from '@/lib/tickets/queries';
import { createTicketSchema, updateTicketSchema } from '@/lib/tickets/schemas';
import { session } from '../support/fake-guards';
import { freshAppDb } from '../support/db';

// The real guards pull in next-auth, which needs the Next.js runtime; the data layer only needs hasRole.
vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));

const { createTicketAction, setTicketStatusAction, updateTicketAction } = await import('@/app/(app)/tickets/actions');

let db: Db;
let agnes: SessionUser;
let bernd: SessionUser;
let inactiveId: number;
let mueller: number;
let schmidt: number;
/** Contacts: one of Müller, one of Schmidt, one without partner. */
let erika: number;
let hans: number;
let lose: number;

function insertUser(name: string, active = true): SessionUser {
  const email = `${name.toLowerCase().replace(/\W/g, '')}@example.com`;
  const row = db.insert(users).values({ email, name, passwordHash: 'unused', active }).returning({ id: users.id }).get();
  return { id: row.id, email, name, roles: [], locale: 'de' };
}

function insertPartner(name: string, gpid: number): number {
  return db.insert(partners).values({ gpid, name }).returning({ id: partners.id }).get().id;
}

function insertContact(firstName: string, lastName: string, partnerId: number | null): number {
  return db.insert(contacts).values({ firstName, lastName, partnerId }).returning({ id: contacts.id }).get().id;
}

/** A valid ticket input (parsed like the form's), with overrides given as form values. */
function createInput(overrides: Record<string, string> = {}) {
  return createTicketSchema.parse({
    title: 'Drucker druckt nicht',
    description: '',
    partnerId: String(mueller),
    contactId: '',
    assigneeId: '',
    ...overrides,
  });
}

function created(result: ReturnType<typeof createTicket>): { id: number; number: string } {
  if (!result.ok) throw new Error(`create failed: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

const rowOf = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get()!;

beforeEach(() => {
  db = freshAppDb();
  session.user = null;
  agnes = insertUser('Agnes Service');
  bernd = insertUser('Bernd Technik');
  inactiveId = insertUser('Olaf Ehemalig', false).id;
  mueller = insertPartner('Müller Maschinenbau GmbH', 10_001);
  schmidt = insertPartner('Schmidt & Söhne KG', 10_002);
  erika = insertContact('Erika', 'Mustermann', mueller);
  hans = insertContact('Hans', 'Huber', schmidt);
  lose = insertContact('Lotte', 'Lose', null);
});

describe('createTicket', () => {
  it('numbers tickets from the counter, continuing where the demo data left off', () => {
    expect(created(createTicket(db, agnes, createInput())).number).toBe('T-000001');
    expect(created(createTicket(db, agnes, createInput())).number).toBe('T-000002');
    db.update(counters).set({ value: 300 }).where(eq(counters.name, 'ticket')).run();
    const ticket = created(createTicket(db, agnes, createInput({ title: 'Neu' })));
    expect(ticket.number).toBe('T-000301');
    expect(rowOf(ticket.id)).toMatchObject({
      number: 'T-000301',
      status: 'open',
      version: 1,
      createdById: agnes.id,
      updatedById: agnes.id,
      crmEnabled: false,
    });
  });

  it("stores a contact-only ticket and shows the contact's partner", () => {
    const ticket = created(
      createTicket(
        db,
        agnes,
        createInput({ partnerId: '', contactId: String(erika), assigneeId: String(bernd.id), status: 'in_progress' }),
      ),
    );
    expect(rowOf(ticket.id)).toMatchObject({ partnerId: null, contactId: erika, assigneeId: bernd.id, status: 'in_progress' });
    expect(findTicketDetail(db, ticket.id)).toMatchObject({
      partner: { id: mueller, name: 'Müller Maschinenbau GmbH', viaContact: true },
      contact: { id: erika, name: 'Erika Mustermann' },
      assignee: { id: bernd.id, name: 'Bernd Technik' },
      partnerOption: null,
      contactOption: { id: erika, label: 'Erika Mustermann – Müller Maschinenbau GmbH' },
      createdBy: 'Agnes Service',
    });
  });

  it('accepts a partner with its own contact, or with a contact of no partner', () => {
    expect(createTicket(db, agnes, createInput({ contactId: String(erika) })).ok).toBe(true);
    expect(createTicket(db, agnes, createInput({ contactId: String(lose) })).ok).toBe(true);
  });

  it('refuses a contact of another partner, next to the contact field, and writes nothing', () => {
    expect(createTicket(db, agnes, createInput({ contactId: String(hans) }))).toEqual({
      ok: false,
      error: 'form',
      fieldErrors: { contactId: 'tickets.error.contactPartnerMismatch' },
    });
    expect(db.select().from(tickets).all()).toHaveLength(0);
    // Nor was a number used up.
    expect(created(createTicket(db, agnes, createInput())).number).toBe('T-000001');
  });

  it('refuses ids of missing partners, contacts and users, and of a deactivated Bearbeiter', () => {
    expect(createTicket(db, agnes, createInput({ partnerId: '999', contactId: '998', assigneeId: '997' }))).toMatchObject({
      ok: false,
      fieldErrors: {
        partnerId: 'tickets.error.partnerNotFound',
        contactId: 'tickets.error.contactNotFound',
        assigneeId: 'tickets.error.assigneeNotFound',
      },
    });
    expect(createTicket(db, agnes, createInput({ assigneeId: String(inactiveId) }))).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: 'tickets.error.assigneeNotFound' },
    });
    expect(db.select().from(tickets).all()).toHaveLength(0);
  });
});

describe('ticket schemas', () => {
  const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));

  it('require a title of at most 200 characters and a description of at most 20,000', () => {
    const form = { partnerId: '1', contactId: '', assigneeId: '' };
    expect(messages(createTicketSchema.safeParse({ ...form, title: '   ' }))).toEqual({ title: 'required' });
    expect(messages(createTicketSchema.safeParse({ ...form, title: 'x'.repeat(10_000), description: 'y'.repeat(20_001) }))).toEqual({
      title: 'tooLong',
      description: 'tooLong',
    });
    expect(createTicketSchema.safeParse({ ...form, title: 'x'.repeat(200), description: 'y'.repeat(20_000) }).success).toBe(true);
  });

  it('need a partner or a contact, and reject malformed ids as such', () => {
    expect(messages(createTicketSchema.safeParse({ title: 'T', partnerId: '', contactId: '' }))).toEqual({
      partnerId: 'tickets.error.partnerOrContactRequired',
    });
    expect(messages(createTicketSchema.safeParse({ title: 'T', partnerId: '-1', contactId: 'abc', assigneeId: '1.5' }))).toEqual({
      partnerId: 'invalidId',
      contactId: 'invalidId',
      assigneeId: 'invalidId',
    });
    expect(messages(createTicketSchema.safeParse({ title: 'T', partnerId: '1', status: 'done' }))).toEqual({ status: 'invalid' });
    expect(messages(updateTicketSchema.safeParse({ id: '-4', version: 'x', title: 'T', partnerId: '1' }))).toEqual({
      id: 'invalidId',
      version: 'invalidVersion',
    });
  });

  it('default to status Offen and an empty description', () => {
    expect(createTicketSchema.parse({ title: ' T ', contactId: '3' })).toEqual({
      title: 'T',
      description: '',
      partnerId: null,
      contactId: 3,
      assigneeId: null,
      status: 'open',
    });
  });
});

describe('updateTicket', () => {
  const update = (id: number, version: number, overrides: Record<string, string> = {}) =>
    updateTicketSchema.parse({
      id: String(id),
      version: String(version),
      title: 'Geändert',
      description: 'Neu',
      partnerId: String(mueller),
      contactId: '',
      assigneeId: '',
      ...overrides,
    });

  it('saves the fields, bumps the version and records who saved', () => {
    const { id } = created(createTicket(db, agnes, createInput()));
    expect(
      updateTicket(db, bernd, update(id, 1, { partnerId: String(schmidt), contactId: String(hans), assigneeId: String(bernd.id) })),
    ).toEqual({ ok: true, data: undefined });
    expect(rowOf(id)).toMatchObject({
      title: 'Geändert',
      description: 'Neu',
      partnerId: schmidt,
      contactId: hans,
      assigneeId: bernd.id,
      version: 2,
      updatedById: bernd.id,
    });
    expect(findTicketDetail(db, id)).toMatchObject({
      updatedBy: 'Bernd Technik',
      createdBy: 'Agnes Service',
      partner: { id: schmidt, viaContact: false },
    });
  });

  it('refuses a stale version naming who saved in between, and keeps their change', () => {
    const { id } = created(createTicket(db, agnes, createInput()));
    expect(updateTicket(db, bernd, update(id, 1, { title: 'Von Bernd' })).ok).toBe(true);
    expect(updateTicket(db, agnes, update(id, 1, { title: 'Von Agnes' }))).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Bernd Technik',
    });
    expect(rowOf(id)).toMatchObject({ title: 'Von Bernd', version: 2 });
  });

  it('answers notFound for an unknown id', () => {
    expect(updateTicket(db, agnes, update(4711, 1))).toEqual({ ok: false, error: 'notFound' });
  });

  it('refuses an inconsistent contact without writing, but keeps a Bearbeiter deactivated since', () => {
    const { id } = created(createTicket(db, agnes, createInput()));
    expect(updateTicket(db, agnes, update(id, 1, { contactId: String(hans) }))).toMatchObject({
      ok: false,
      fieldErrors: { contactId: 'tickets.error.contactPartnerMismatch' },
    });
    expect(rowOf(id)).toMatchObject({ title: 'Drucker druckt nicht', version: 1 });

    db.update(tickets).set({ assigneeId: inactiveId }).where(eq(tickets.id, id)).run();
    expect(updateTicket(db, agnes, update(id, 1, { assigneeId: String(inactiveId) })).ok).toBe(true);
    expect(updateTicket(db, agnes, update(id, 2, { assigneeId: String(bernd.id) })).ok).toBe(true);
    expect(updateTicket(db, agnes, update(id, 3, { assigneeId: String(inactiveId) }))).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: 'tickets.error.assigneeNotFound' },
    });
  });
});

describe('setTicketStatus and takeOverTicket', () => {
  it('move a ticket through the statuses and back, one version each', () => {
    const { id } = created(createTicket(db, agnes, createInput()));
    const steps: TicketStatus[] = ['in_progress', 'parked', 'closed', 'open'];
    steps.forEach((status, index) =>
      expect(setTicketStatus(db, bernd, { id, version: index + 1, status })).toEqual({ ok: true, data: undefined }),
    );
    expect(rowOf(id)).toMatchObject({ status: 'open', version: 5, updatedById: bernd.id });
  });

  it('refuse a stale version naming who saved, and an unknown id', () => {
    const { id } = created(createTicket(db, agnes, createInput()));
    expect(setTicketStatus(db, bernd, { id, version: 1, status: 'parked' }).ok).toBe(true);
    expect(setTicketStatus(db, agnes, { id, version: 1, status: 'closed' })).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Bernd Technik',
    });
    expect(takeOverTicket(db, agnes, { id, version: 1 })).toEqual({ ok: false, error: 'staleVersion', changedBy: 'Bernd Technik' });
    expect(rowOf(id)).toMatchObject({ status: 'parked', assigneeId: null, version: 2 });
    expect(setTicketStatus(db, agnes, { id: 999, version: 1, status: 'closed' })).toEqual({ ok: false, error: 'notFound' });
    expect(takeOverTicket(db, agnes, { id: 999, version: 1 })).toEqual({ ok: false, error: 'notFound' });
  });

  it('"Übernehmen" makes the actor the Bearbeiter; taking over one\'s own ticket changes nothing', () => {
    const { id } = created(createTicket(db, agnes, createInput({ assigneeId: String(bernd.id) })));
    expect(takeOverTicket(db, agnes, { id, version: 1 })).toEqual({ ok: true, data: undefined });
    expect(rowOf(id)).toMatchObject({ assigneeId: agnes.id, version: 2, updatedById: agnes.id });
    expect(takeOverTicket(db, agnes, { id, version: 2 })).toEqual({ ok: true, data: undefined });
    expect(rowOf(id).version).toBe(2);
  });
});

describe('listTickets', () => {
  const list = (params: Partial<TicketListParams>, user = agnes, page = { limit: 50, offset: 0 }) =>
    listTickets(db, user, { ...EMPTY_TICKET_LIST_PARAMS, ...params }, page);
  const titles = (result: ReturnType<typeof list>) => result.rows.map((row) => row.title);

  /** Tickets oldest first, each a minute apart, so "newest first" is well defined. */
  function arrange() {
    const specs: { title: string; status: TicketStatus; partnerId?: number; contactId?: number; assigneeId?: number }[] = [
      { title: 'A Drucker', status: 'open', partnerId: mueller, assigneeId: agnes.id },
      { title: 'B Server', status: 'in_progress', contactId: erika, assigneeId: bernd.id },
      { title: 'C Lizenz', status: 'parked', partnerId: schmidt, contactId: hans, assigneeId: agnes.id },
      { title: 'D Angebot', status: 'closed', contactId: lose },
    ];
    const start = Date.UTC(2026, 0, 1);
    specs.forEach((spec, index) => {
      const { id } = created(
        createTicket(
          db,
          agnes,
          createInput({
            title: spec.title,
            partnerId: String(spec.partnerId ?? ''),
            contactId: String(spec.contactId ?? ''),
            assigneeId: String(spec.assigneeId ?? ''),
            status: spec.status,
          }),
        ),
      );
      db.update(tickets)
        .set({ createdAt: new Date(start + index * 60_000) })
        .where(eq(tickets.id, id))
        .run();
    });
  }

  beforeEach(arrange);

  it("lists newest first with the shown partner (own or the contact's) and no CRM values for a non-CRM user", () => {
    const result = list({});
    expect(result.total).toBe(4);
    expect(titles(result)).toEqual(['D Angebot', 'C Lizenz', 'B Server', 'A Drucker']);
    expect(result.rows[2]).toMatchObject({
      number: 'T-000002',
      partner: { id: mueller, name: 'Müller Maschinenbau GmbH' },
      contact: { name: 'Erika Mustermann' },
    });
    expect(result.rows[0].partner).toBeNull();
    expect(result.rows.every((row) => row.crm === undefined)).toBe(true);
  });

  it('gives CRM-Status and Umsatzpotenzial, and applies CRM criteria, for a crm user only', () => {
    const [won, lost] = db
      .insert(crmTicketStatuses)
      .values([
        { name: 'Gewonnen', position: 0 },
        { name: 'Alt', position: 1, archived: true },
      ])
      .returning()
      .all();
    db.update(tickets).set({ crmEnabled: true, crmStatusId: won.id, potentialCents: 1_234_500 }).where(eq(tickets.title, 'C Lizenz')).run();
    db.update(tickets).set({ crmStatusId: lost.id }).where(eq(tickets.title, 'A Drucker')).run();
    const carla: SessionUser = { ...agnes, roles: ['crm'] };

    const filtered = list({ crm: 'on', crmStatus: [won.id] }, carla);
    expect(titles(filtered)).toEqual(['C Lizenz']);
    expect(filtered.rows[0].crm).toMatchObject({ enabled: true, status: 'Gewonnen', potentialCents: 1_234_500 });
    expect(list({ crm: 'off' }, carla).rows.find((row) => row.title === 'A Drucker')?.crm).toMatchObject({ enabled: false, status: 'Alt' });
    // For a user without crm, criteria that reached the query anyway are not applied and no row carries CRM values.
    const plain = list({ crm: 'on', crmStatus: [won.id] });
    expect(plain.total).toBe(4);
    expect(plain.rows.some((row) => 'crm' in row)).toBe(false);

    // The filter form's choices: none for a plain user; for crm the archived status only while it is filtered by.
    expect(crmCriteriaOptions(db, agnes, EMPTY_TICKET_LIST_PARAMS)).toBeNull();
    expect(crmCriteriaOptions(db, carla, EMPTY_TICKET_LIST_PARAMS)?.statuses.map((option) => option.name)).toEqual(['Gewonnen']);
    expect(
      crmCriteriaOptions(db, carla, { ...EMPTY_TICKET_LIST_PARAMS, crmStatus: [lost.id] })?.statuses.map((option) => option.name),
    ).toEqual(['Gewonnen', 'Alt']);
  });

  it('drops CRM ids the form does not offer, naming them, so that no filter applies unseen', () => {
    const params = { ...EMPTY_TICKET_LIST_PARAMS, crm: 'on' as const, crmStatus: [1, 99], revenueGroup: [7] };
    expect(dropUnknownCrmIds(params, { crmStatus: [1, 2], revenueGroup: [] })).toEqual({
      params: { ...params, crmStatus: [1], revenueGroup: [] },
      problems: [
        { param: 'crmStatus', value: '99', problem: 'invalid' },
        { param: 'revenueGroup', value: '7', problem: 'invalid' },
      ],
    });
  });

  it('filters by status and by assignee, with me standing for the signed-in user', () => {
    expect(titles(list({ status: ['open', 'parked'] }))).toEqual(['C Lizenz', 'A Drucker']);
    expect(titles(list({ assignee: ['me'] }))).toEqual(['C Lizenz', 'A Drucker']);
    expect(titles(list({ assignee: ['me'] }, bernd))).toEqual(['B Server']);
    expect(titles(list({ assignee: ['me', bernd.id], status: ['in_progress', 'open'] }))).toEqual(['B Server', 'A Drucker']);
  });

  it('filters by partner, including tickets that name only a contact of that partner', () => {
    expect(titles(list({ partner: mueller }))).toEqual(['B Server', 'A Drucker']);
    expect(titles(list({ partner: schmidt }))).toEqual(['C Lizenz']);
  });

  it("searches number, title and the shown partner's name, with LIKE wildcards taken literally", () => {
    expect(titles(list({ q: 'T-000003' }))).toEqual(['C Lizenz']);
    expect(titles(list({ q: 'drucker' }))).toEqual(['A Drucker']);
    expect(titles(list({ q: 'Maschinenbau' }))).toEqual(['B Server', 'A Drucker']);
    expect(titles(list({ q: '& Söhne' }))).toEqual(['C Lizenz']);
    expect(list({ q: '%' }).total).toBe(0);
  });

  it('pages through the list and counts all matches', () => {
    const first = list({}, agnes, { limit: 3, offset: 0 });
    const second = list({}, agnes, { limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect(titles(first)).toEqual(['D Angebot', 'C Lizenz', 'B Server']);
    expect(titles(second)).toEqual(['A Drucker']);
  });

  it('reads the same pages whether it walks the creation-date index or sorts the matches', () => {
    // 400 more tickets, with clashing creation times so that the id decides between equals. A filter
    // matching many walks the index on its first pages and sorts on deep ones; one matching few sorts.
    const statuses: TicketStatus[] = ['open', 'in_progress', 'parked', 'closed'];
    const start = Date.UTC(2025, 0, 1);
    db.transaction((tx) => {
      for (let index = 0; index < 400; index += 1) {
        tx.insert(tickets)
          .values({
            number: `T-9${String(index).padStart(5, '0')}`,
            title: `Last ${index}`,
            status: statuses[(index * 7) % 4],
            partnerId: mueller,
            assigneeId: index % 9 === 0 ? bernd.id : agnes.id,
            createdAt: new Date(start + ((index * 37) % 101) * 60_000),
          })
          .run();
      }
    });
    const all = db
      .select({ id: tickets.id, status: tickets.status, assigneeId: tickets.assigneeId, createdAt: tickets.createdAt })
      .from(tickets)
      .all();
    const newestFirst = (rows: typeof all) =>
      [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((row) => row.id);
    const cases: [Partial<TicketListParams>, typeof all][] = [
      [{}, all],
      [{ status: ['open', 'in_progress'] }, all.filter((row) => row.status === 'open' || row.status === 'in_progress')],
      [{ assignee: [bernd.id] }, all.filter((row) => row.assigneeId === bernd.id)],
      [{ assignee: [bernd.id], status: ['closed'] }, all.filter((row) => row.assigneeId === bernd.id && row.status === 'closed')],
    ];
    for (const [params, matching] of cases) {
      const expected = newestFirst(matching);
      for (const offset of [0, 10, 40, expected.length - 5]) {
        const result = list(params, agnes, { limit: 10, offset: Math.max(0, offset) });
        expect(result.total).toBe(matching.length);
        expect(result.rows.map((row) => row.id)).toEqual(expected.slice(Math.max(0, offset), Math.max(0, offset) + 10));
      }
    }
  });
});

describe('ticket actions', () => {
  function form(fields: Record<string, string>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  }

  it('refuse an anonymous caller and change nothing', async () => {
    expect(await createTicketAction({}, form({ title: 'X', partnerId: String(mueller) }))).toMatchObject({
      ok: false,
      error: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    });
    expect(await setTicketStatusAction({}, form({ id: '1', version: '1', status: 'closed' }))).toMatchObject({ ok: false });
    expect(db.select().from(tickets).all()).toHaveLength(0);
  });

  it('answer bad input with translated messages per field and the typed values, never a crash', async () => {
    session.user = agnes;
    const result = await createTicketAction(
      {},
      form({ title: 'x'.repeat(10_000), partnerId: '-1', contactId: String(hans), assigneeId: '' }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: 'Bitte prüfen Sie die markierten Felder.',
      fieldErrors: { title: 'Der Text ist zu lang.', partnerId: 'Ungültige Kennung.' },
    });
    expect(result.values).toMatchObject({ contactId: String(hans) });
    const mismatch = await createTicketAction({}, form({ title: 'Passt nicht', partnerId: String(mueller), contactId: String(hans) }));
    expect(mismatch.fieldErrors).toEqual({ contactId: 'Dieser Kontakt gehört zu einem anderen Geschäftspartner.' });
    expect(db.select().from(tickets).all()).toHaveLength(0);
  });

  it('create and then redirect to the new ticket; a stale save names the colleague', async () => {
    session.user = agnes;
    await expect(createTicketAction({}, form({ title: 'Neu', contactId: String(erika) }))).rejects.toThrow(/^redirect:\/tickets\/\d+$/);
    const [ticket] = db.select({ id: tickets.id }).from(tickets).all();
    const edit = {
      id: String(ticket.id),
      version: '1',
      title: 'Neu',
      description: '',
      partnerId: '',
      contactId: String(erika),
      assigneeId: '',
    };
    expect(await updateTicketAction({}, form({ ...edit, title: 'Agnes war hier' }))).toEqual({ ok: true, message: 'Gespeichert.' });
    session.user = bernd;
    expect(await updateTicketAction({}, form({ ...edit, title: 'Bernd war hier' }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('inzwischen von Agnes Service geändert'),
    });
    expect(await updateTicketAction({}, form({ ...edit, id: '999999' }))).toMatchObject({
      ok: false,
      error: 'Der Datensatz wurde nicht gefunden.',
    });
    expect(rowOf(ticket.id).title).toBe('Agnes war hier');
    // Saved from a page the no-JS picker search left with the draft in its URL: back to the clean page.
    await expect(
      updateTicketAction({}, form({ ...edit, version: '2', title: 'Bernd, neu geladen', fromPickerSearch: '1' })),
    ).rejects.toThrow(`redirect:/tickets/${ticket.id}`);
    expect(rowOf(ticket.id)).toMatchObject({ title: 'Bernd, neu geladen', version: 3 });
  });
});
