// Contact mutations and queries against a fresh database: valid, invalid, unknown partner, stale version
// naming the other user, unknown id, delete refused while tickets name the contact, list search and paging.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@/lib/auth/guards';
import type { Db } from '@/db/client';
import { attributes, contactAttributes, contacts, partners, tickets, type Role } from '@/db/schema';
import { createContact, deleteContact, updateContact } from '@/lib/contacts/mutations';
import { findContact, listContacts, listPartnerContacts, searchPartnerContactOptions } from '@/lib/contacts/queries';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { listTickets } from '@/lib/tickets/queries';
import { contactFormPrefill, createContactSchema, prefillPartnerId, updateContactSchema } from '@/lib/contacts/schemas';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { session } from '../support/fake-guards';
import { freshAppDb } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
const { createContactAction, updateContactAction } = await import('@/app/(app)/contacts/actions');
const { searchContactsAction } = await import('@/app/(app)/picker-actions');

let db: Db;
let anna: number;
let bernd: number;
let partnerId: number;

beforeEach(() => {
  db = freshAppDb();
  session.user = null;
  anna = insertUserWithDefaults(db, { email: 'anna@example.com', name: 'Anna Admin', passwordHash: 'x', roles: [] }).id;
  bernd = insertUserWithDefaults(db, { email: 'bernd@example.com', name: 'Bernd Technik', passwordHash: 'x', roles: [] }).id;
  partnerId = db.insert(partners).values({ gpid: 10_001, name: 'Hanse Logistik GmbH' }).returning().get().id;
});

function create(fields: Record<string, string>): number {
  const result = createContact(db, actor(anna), createContactSchema.parse(fields));
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}
const rowOf = (id: number) => db.select().from(contacts).where(eq(contacts.id, id)).get()!;
const actor = (id: number, roles: Role[] = []): SessionUser => ({
  id,
  email: `${id}@example.com`,
  name: `User ${id}`,
  roles,
  locale: 'de',
});

describe('createContact', () => {
  it('stores a contact under a partner or without one', () => {
    const id = create({
      salutation: 'Frau',
      firstName: 'Julia',
      lastName: ' Krüger ',
      email: 'julia.krueger@hanse.de',
      partnerId: String(partnerId),
    });
    expect(rowOf(id)).toMatchObject({
      salutation: 'Frau',
      firstName: 'Julia',
      lastName: 'Krüger',
      partnerId,
      version: 1,
      updatedById: anna,
    });
    expect(rowOf(create({ lastName: 'Ohnefirma', partnerId: '' })).partnerId).toBeNull();
  });

  it('the schema explains bad input per field', () => {
    const parsed = createContactSchema.safeParse({
      salutation: 'Dr.',
      lastName: '',
      email: 'nein',
      partnerId: '-3',
      phone: '1'.repeat(51),
    });
    const byField = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toEqual({
      salutation: 'invalid',
      lastName: 'required',
      email: 'invalidEmail',
      partnerId: 'invalidId',
      phone: 'tooLong',
    });
    expect(createContactSchema.safeParse({ lastName: 'x'.repeat(10_000) }).error?.issues.map((issue) => issue.message)).toEqual([
      'tooLong',
    ]);
  });

  it('refuses a partner that does not exist, next to the picker, and writes nothing', () => {
    expect(createContact(db, actor(anna), createContactSchema.parse({ lastName: 'Irrtum', partnerId: '999' }))).toEqual({
      ok: false,
      error: 'form',
      fieldErrors: { partnerId: 'contacts.error.unknownPartner' },
    });
    expect(db.select().from(contacts).all()).toHaveLength(0);
  });
});

describe('updateContact and deleteContact', () => {
  const edit = (id: number, version: number, fields: Record<string, string>, by: number) =>
    updateContact(db, actor(by), updateContactSchema.parse({ id: String(id), version: String(version), ...fields }));

  it('saves a new version; a stale save names who saved in between and the first change survives', () => {
    const id = create({ lastName: 'Becker' });
    expect(edit(id, 1, { lastName: 'Becker', position: 'IT-Leiter', partnerId: String(partnerId) }, bernd)).toEqual({
      ok: true,
      data: undefined,
    });
    expect(edit(id, 1, { lastName: 'Bäcker' }, anna)).toEqual({ ok: false, error: 'staleVersion', changedBy: 'Bernd Technik' });
    expect(rowOf(id)).toMatchObject({ lastName: 'Becker', position: 'IT-Leiter', partnerId, version: 2, updatedById: bernd });
    expect(findContact(db, id)).toMatchObject({ partner: { id: partnerId, name: 'Hanse Logistik GmbH' }, updatedByName: 'Bernd Technik' });
  });

  it('answers notFound for an unknown id and refuses an unknown partner', () => {
    expect(edit(9999, 1, { lastName: 'X' }, anna)).toEqual({ ok: false, error: 'notFound' });
    const id = create({ lastName: 'Vogel' });
    expect(edit(id, 1, { lastName: 'Vogel', partnerId: '4242' }, anna)).toMatchObject({
      ok: false,
      fieldErrors: { partnerId: 'contacts.error.unknownPartner' },
    });
    expect(rowOf(id).version).toBe(1);
  });

  it('deleting is refused while a ticket names the contact', () => {
    const id = create({ lastName: 'Fuchs' });
    const ticket = db.insert(tickets).values({ number: 'T-000001', title: 'Passwort', contactId: id }).returning().get();
    expect(deleteContact(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'contacts.error.hasTickets' });
    expect(deleteContact(db, actor(anna), { id, version: 7, confirm: 'on' })).toMatchObject({ ok: false, error: 'staleVersion' });
    db.delete(tickets).where(eq(tickets.id, ticket.id)).run();
    expect(deleteContact(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
    expect(deleteContact(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('deleteContact with CRM data', () => {
  it('is refused for a user without crm while the contact has Merkmale, and allowed to a crm user', () => {
    const id = create({ lastName: 'Wagner' });
    const vip = db.insert(attributes).values({ name: 'VIP', appliesTo: 'contact' }).returning().get();
    db.insert(contactAttributes).values({ contactId: id, attributeId: vip.id }).run();
    expect(deleteContact(db, actor(bernd), { id, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'contacts.error.hasCrmData' });
    expect(rowOf(id)).toBeDefined();
    expect(deleteContact(db, actor(bernd, ['crm']), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
    expect(db.select().from(contacts).where(eq(contacts.id, id)).get()).toBeUndefined();
    expect(db.select().from(contactAttributes).where(eq(contactAttributes.contactId, id)).all()).toEqual([]);
  });

  it('still lets a user without crm delete a contact without Merkmale', () => {
    const id = create({ lastName: 'Schulz' });
    expect(deleteContact(db, actor(bernd), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
  });
});

describe('contact queries', () => {
  it('search name, e-mail and partner name, by last name, paged with the total', () => {
    create({ firstName: 'Anna', lastName: 'Zimmermann', partnerId: String(partnerId) });
    create({ firstName: 'Bernd', lastName: 'Albrecht', email: 'b.albrecht@web.de' });
    create({ firstName: 'Carla', lastName: 'Meyer', partnerId: String(partnerId) });
    const names = (query: string) => listContacts(db, query, { limit: 50, offset: 0 }).rows.map((row) => row.lastName);
    expect(names('')).toEqual(['Albrecht', 'Meyer', 'Zimmermann']);
    expect(names('anna zimmer')).toEqual(['Zimmermann']);
    expect(names('web.de')).toEqual(['Albrecht']);
    expect(names('hanse')).toEqual(['Meyer', 'Zimmermann']);
    expect(names('_')).toEqual([]);
    expect(listContacts(db, '', { limit: 2, offset: 2 })).toMatchObject({
      total: 3,
      rows: [{ lastName: 'Zimmermann', partner: { id: partnerId } }],
    });
    expect(listPartnerContacts(db, partnerId).map((row) => row.lastName)).toEqual(['Meyer', 'Zimmermann']);
  });

  it("list a contact's tickets newest first in the ticket list's shape, with the partner via the contact", () => {
    const id = create({ firstName: 'Julia', lastName: 'Krüger', partnerId: String(partnerId) });
    const other = create({ lastName: 'Andere' });
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    db.insert(tickets)
      .values([
        { number: 'T-000001', title: 'Alt', contactId: id, createdAt: at(1), crmEnabled: true, potentialCents: 500_000 },
        { number: 'T-000002', title: 'Neu', contactId: id, status: 'parked', assigneeId: bernd, createdAt: at(5) },
        { number: 'T-000003', title: 'Fremd', contactId: other, createdAt: at(3) },
      ])
      .run();
    const plainUser: SessionUser = { id: bernd, email: 'b@example.com', name: 'Bernd Technik', roles: [], locale: 'de' };
    const { rows, total } = listTickets(db, plainUser, { ...EMPTY_TICKET_LIST_PARAMS, contact: id }, { limit: 50, offset: 0 });
    expect(total).toBe(2);
    expect(rows.map((row) => row.title)).toEqual(['Neu', 'Alt']);
    expect(rows[0]).toEqual({
      id: expect.any(Number),
      number: 'T-000002',
      title: 'Neu',
      status: 'parked',
      partner: { id: partnerId, name: 'Hanse Logistik GmbH' },
      contact: { id, name: 'Julia Krüger' },
      assignee: { id: bernd, name: 'Bernd Technik' },
      createdAt: at(5),
      updatedAt: expect.any(Date),
    });
    // No CRM value on this path, whoever asks.
    expect(rows[1]).not.toHaveProperty('crm');
  });

  it('prefill the form from the picker search and the ?partner preselection', () => {
    const fallback = { salutation: '', firstName: 'Alt', lastName: 'Alt', email: '', phone: '', position: '' };
    expect(contactFormPrefill({ firstName: 'Neu', lastName: 'x'.repeat(500) }, fallback)).toMatchObject({
      firstName: 'Neu',
      lastName: 'x'.repeat(100),
      email: '',
    });
    expect(prefillPartnerId({ partner: '5' })).toBe(5);
    expect(prefillPartnerId({ partnerId: '', partner: '5' })).toBeNull();
    expect(prefillPartnerId({ partnerId: '-1' })).toBeNull();
    expect(prefillPartnerId({})).toBeUndefined();
  });
});

describe('contact actions', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };

  it('refuse an anonymous caller; for a user, answer bad input with messages and create otherwise', async () => {
    expect(await createContactAction({}, form({ lastName: 'Anonym' }))).toMatchObject({ ok: false });
    session.user = { id: anna, email: 'anna@example.com', name: 'Anna Admin', roles: [], locale: 'de' };
    expect(await createContactAction({}, form({ lastName: 'x'.repeat(10_000), partnerId: String(partnerId) }))).toMatchObject({
      fieldErrors: { lastName: 'Der Text ist zu lang.' },
      values: { partnerId: String(partnerId) },
    });
    expect(await createContactAction({}, form({ lastName: 'Irrtum', partnerId: '999' }))).toMatchObject({
      fieldErrors: { partnerId: 'Diesen Geschäftspartner gibt es nicht. Bitte wählen Sie einen anderen.' },
    });
    expect(await updateContactAction({}, form({ id: 'abc', version: '1', lastName: 'X' }))).toMatchObject({
      fieldErrors: { id: 'Ungültige Kennung.' },
    });
    expect(db.select().from(contacts).all()).toHaveLength(0);
    await expect(createContactAction({}, form({ lastName: 'Richtig', partnerId: String(partnerId) }))).rejects.toThrow(
      /^redirect:\/contacts\/\d+\?created=1$/,
    );
    expect(db.select().from(contacts).all()).toHaveLength(1);
  });
});

describe('the Kontakt picker with a Geschäftspartner chosen', () => {
  let otherPartner: number;
  const labels = (options: { label: string }[]) => options.map((option) => option.label);
  const mark = (name: string | null) => (name ? `anderer Geschäftspartner: ${name}` : 'ohne Geschäftspartner');

  beforeEach(() => {
    otherPartner = db.insert(partners).values({ gpid: 10_002, name: 'Nordsee Fisch AG' }).returning().get().id;
    create({ firstName: 'Anna', lastName: 'Zimmermann', partnerId: String(partnerId) });
    create({ firstName: 'Jan', lastName: 'Meyer', partnerId: String(partnerId) });
    create({ firstName: 'Jana', lastName: 'Albers', partnerId: String(otherPartner) });
    create({ firstName: 'Jan', lastName: 'Ohnefirma' });
  });

  it("offers only the partner's contacts until a search, then the others after them, marked", () => {
    expect(labels(searchPartnerContactOptions(db, '', partnerId, mark))).toEqual([
      'Jan Meyer – Hanse Logistik GmbH',
      'Anna Zimmermann – Hanse Logistik GmbH',
    ]);
    expect(labels(searchPartnerContactOptions(db, 'jan', partnerId, mark))).toEqual([
      'Jan Meyer – Hanse Logistik GmbH',
      'Jana Albers · anderer Geschäftspartner: Nordsee Fisch AG',
      'Jan Ohnefirma · ohne Geschäftspartner',
    ]);
    expect(labels(searchPartnerContactOptions(db, '', otherPartner, mark))).toEqual(['Jana Albers – Nordsee Fisch AG']);
    // The limit counts the partner's own contacts first.
    expect(labels(searchPartnerContactOptions(db, 'jan', partnerId, mark, 2))).toEqual([
      'Jan Meyer – Hanse Logistik GmbH',
      'Jana Albers · anderer Geschäftspartner: Nordsee Fisch AG',
    ]);
  });

  it("the search action scopes by the partner the form sends, in the user's language, and ignores a bad one", async () => {
    expect(await searchContactsAction('', String(partnerId))).toEqual([]);
    session.user = { id: anna, email: 'anna@example.com', name: 'Anna Admin', roles: [], locale: 'en' };
    expect(labels(await searchContactsAction('', String(partnerId)))).toEqual([
      'Jan Meyer – Hanse Logistik GmbH',
      'Anna Zimmermann – Hanse Logistik GmbH',
    ]);
    expect(labels(await searchContactsAction('albers', String(partnerId)))).toEqual([
      'Jana Albers · other business partner: Nordsee Fisch AG',
    ]);
    // Without a partner (or with a value that is none), every contact as before.
    for (const scope of [undefined, '', 'abc', '-1', '1e3']) expect(await searchContactsAction('', scope)).toHaveLength(4);
  });
});
