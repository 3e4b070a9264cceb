// Business partner mutations and list query against a fresh database: GPIDs from the counter, the
// duplicate check and "trotzdem anlegen", stale saves naming the other user, delete refused while referenced.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { campaigns, contacts, counters, crmChanges, partnerCampaigns, partners, tickets, type Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { createPartner, deletePartner, updatePartner } from '@/lib/partners/mutations';
import { findPartner, listPartners } from '@/lib/partners/queries';
import { createPartnerSchema, DEFAULT_PARTNER_LIST_PARAMS, updatePartnerSchema, type PartnerListParams } from '@/lib/partners/schemas';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { session } from '../support/fake-guards';
import { freshAppDb } from '../support/db';

// The actions run with a session chosen by the test; a redirect ends them as in Next.
vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));
vi.mock('next/cache', () => import('../support/fake-next'));
vi.mock('next/navigation', () => import('../support/fake-next'));
const { createPartnerAction, deletePartnerAction, updatePartnerAction } = await import('@/app/(app)/partners/actions');

let db: Db;
let anna: number;
let bernd: number;

beforeEach(() => {
  db = freshAppDb();
  session.user = null;
  anna = insertUserWithDefaults(db, { email: 'anna@example.com', name: 'Anna Admin', passwordHash: 'x', roles: [] }).id;
  bernd = insertUserWithDefaults(db, { email: 'bernd@example.com', name: 'Bernd Technik', passwordHash: 'x', roles: [] }).id;
});

/** Creates a partner from form-like input, as the action does; throws when refused. */
function create(fields: Record<string, string>, by = anna): { id: number; gpid: number } {
  const result = createPartner(db, actor(by), createPartnerSchema.parse(fields));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

const rowOf = (id: number) => db.select().from(partners).where(eq(partners.id, id)).get()!;
const actor = (id: number, roles: Role[] = []): SessionUser => ({
  id,
  email: `${id}@example.com`,
  name: `User ${id}`,
  roles,
  locale: 'de',
});
const partnerCount = () => db.select().from(partners).all().length;

describe('createPartner', () => {
  it('hands out GPIDs from the counter, starting at 10001, and stores the master data', () => {
    const first = create({
      name: 'Hanse Logistik GmbH',
      city: 'Bremen',
      email: 'info@hanse-logistik.de',
      website: 'www.hanse-logistik.de',
    });
    const second = create({ name: 'Alpen Solartechnik AG' });
    expect([first.gpid, second.gpid]).toEqual([10_001, 10_002]);
    expect(rowOf(first.id)).toMatchObject({
      name: 'Hanse Logistik GmbH',
      city: 'Bremen',
      country: '',
      website: 'https://www.hanse-logistik.de',
      version: 1,
      updatedById: anna,
    });
    expect(db.select().from(counters).where(eq(counters.name, 'gpid')).get()).toEqual({ name: 'gpid', value: 10_002 });
  });

  it('continues after the seeded counter and skips a GPID taken outside it', () => {
    db.insert(counters).values({ name: 'gpid', value: 10_040 }).run();
    db.insert(partners).values({ gpid: 10_041, name: 'Importiert KG' }).run();
    expect(create({ name: 'Neukunde Nord GmbH' }).gpid).toBe(10_042);
  });

  it('the schema explains bad input per field, also for a 10,000-character name', () => {
    const parsed = createPartnerSchema.safeParse({
      name: '  ',
      email: 'keine-mail',
      website: 'javascript:alert(1)',
      postcode: '1'.repeat(21),
    });
    const byField = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toEqual({ name: 'required', email: 'invalidEmail', website: 'partners.error.invalidWebsite', postcode: 'tooLong' });
    expect(createPartnerSchema.safeParse({ name: 'x'.repeat(10_000) }).error?.issues.map((issue) => issue.message)).toEqual(['tooLong']);
    expect(createPartnerSchema.safeParse({}).error?.issues.map((issue) => issue.message)).toEqual(['required']);
  });

  it('refuses a similar name with the list of similar partners, and writes nothing', () => {
    const existing = create({ name: 'Müller & Söhne Maschinenbau GmbH & Co. KG', city: 'Ulm' });
    create({ name: 'Schulz Logistik AG' });
    for (const name of [
      'Müller & Söhne Maschinenbau AG',
      'MÜLLER SÖHNE MASCHINENBAU',
      'müller-söhne maschinenbau e.K.',
      'Söhne Maschinenbau',
    ]) {
      const result = createPartner(db, actor(anna), createPartnerSchema.parse({ name }));
      expect(result, name).toMatchObject({
        ok: false,
        error: 'partners.error.similarExists',
        fieldErrors: { force: 'partners.error.confirmSimilar' },
        similar: [{ id: existing.id, gpid: existing.gpid, name: 'Müller & Söhne Maschinenbau GmbH & Co. KG', city: 'Ulm' }],
      });
    }
    expect(partnerCount()).toBe(2);
    expect(db.select().from(counters).where(eq(counters.name, 'gpid')).get()?.value).toBe(10_002);
  });

  it('creates anyway when "trotzdem anlegen" is ticked, and lets clearly different names through', () => {
    create({ name: 'Weber Bau GmbH' });
    const forced = create({ name: 'Weber Bau KG', force: 'on' });
    expect(rowOf(forced.id).name).toBe('Weber Bau KG');
    expect(create({ name: 'Nord Energie GmbH' }).gpid).toBe(10_003);
    // A name that is only a legal form has no core to compare.
    expect(create({ name: 'GmbH' }).gpid).toBe(10_004);
  });

  it('treats LIKE wildcards in a name as text', () => {
    create({ name: 'Alpha Beta GmbH' });
    expect(createPartner(db, actor(anna), createPartnerSchema.parse({ name: '100% Beta' })).ok).toBe(true);
    expect(createPartner(db, actor(anna), createPartnerSchema.parse({ name: 'Alpha_Beta' }))).toMatchObject({ ok: false });
  });
});

describe('updatePartner', () => {
  const edit = (id: number, version: number, name: string, by: number) =>
    updatePartner(db, actor(by), updatePartnerSchema.parse({ id: String(id), version: String(version), name, city: 'Kiel' }));

  it('saves a new version stamped with the author', () => {
    const { id } = create({ name: 'Kiel Hafenservice GmbH' });
    expect(edit(id, 1, 'Kiel Hafenservice AG', bernd)).toEqual({ ok: true, data: undefined });
    expect(rowOf(id)).toMatchObject({ name: 'Kiel Hafenservice AG', city: 'Kiel', version: 2, updatedById: bernd });
    expect(findPartner(db, id)).toMatchObject({ name: 'Kiel Hafenservice AG', version: 2, updatedByName: 'Bernd Technik' });
  });

  it('refuses a stale version naming who saved in between; the first change survives', () => {
    const { id } = create({ name: 'Rostock Werft GmbH' });
    expect(edit(id, 1, 'Erste Änderung', bernd).ok).toBe(true);
    expect(edit(id, 1, 'Zweite Änderung', anna)).toEqual({ ok: false, error: 'staleVersion', changedBy: 'Bernd Technik' });
    expect(rowOf(id)).toMatchObject({ name: 'Erste Änderung', version: 2 });
  });

  it('answers notFound for an unknown id, and the schema refuses negative and malformed ids', () => {
    expect(edit(9999, 1, 'Niemand', anna)).toEqual({ ok: false, error: 'notFound' });
    for (const id of ['-1', 'abc', '1.5', '']) {
      expect(updatePartnerSchema.safeParse({ id, version: '1', name: 'X' }).error?.issues[0]).toMatchObject({
        path: ['id'],
        message: 'invalidId',
      });
    }
  });
});

describe('deletePartner', () => {
  it('is refused while contacts or tickets refer to the partner, and works once none do', () => {
    const { id } = create({ name: 'Kassel Datentechnik GmbH' });
    const contact = db.insert(contacts).values({ partnerId: id, lastName: 'Krause' }).returning().get();
    expect(deletePartner(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'partners.error.hasContacts' });
    const ticket = db.insert(tickets).values({ number: 'T-000001', title: 'Drucker', partnerId: id }).returning().get();
    expect(deletePartner(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({
      ok: false,
      error: 'partners.error.hasContactsAndTickets',
    });
    db.delete(contacts).where(eq(contacts.id, contact.id)).run();
    expect(deletePartner(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'partners.error.hasTickets' });
    db.delete(tickets).where(eq(tickets.id, ticket.id)).run();
    expect(deletePartner(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
    expect(partnerCount()).toBe(0);
  });

  it('refuses a stale version and an unknown id', () => {
    const { id } = create({ name: 'Essen Netzservice GmbH' });
    expect(updatePartner(db, actor(bernd), updatePartnerSchema.parse({ id, version: 1, name: 'Essen Netzservice AG' })).ok).toBe(true);
    expect(deletePartner(db, actor(anna), { id, version: 1, confirm: 'on' })).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Bernd Technik',
    });
    expect(deletePartner(db, actor(anna), { id: 9999, version: 1, confirm: 'on' })).toEqual({ ok: false, error: 'notFound' });
    expect(partnerCount()).toBe(1);
  });
});

describe('deletePartner with CRM data', () => {
  /** Each way CRM data can hang on a partner, applied to a fresh one. */
  const CRM_DATA: [string, (id: number) => void][] = [
    ['a CRM field', (id) => db.update(partners).set({ employeeCount: 12 }).where(eq(partners.id, id)).run()],
    ['a CRM flag', (id) => db.update(partners).set({ newsletter: true }).where(eq(partners.id, id)).run()],
    ['a CRM comment', (id) => db.update(partners).set({ comment3: 'Geheimer Rabatt 30 %' }).where(eq(partners.id, id)).run()],
    [
      'a campaign',
      (id) => {
        const campaign = db
          .insert(campaigns)
          .values({ name: `Messe ${id}` })
          .returning()
          .get();
        db.insert(partnerCampaigns).values({ partnerId: id, campaignId: campaign.id }).run();
      },
    ],
    [
      'only CRM history',
      (id) =>
        db
          .insert(crmChanges)
          .values({ entity: 'partner', entityId: id, field: 'employeeCount', oldValue: '12', newValue: null, userId: anna })
          .run(),
    ],
  ];

  it('is refused for a user without crm, whatever the CRM data, and changes nothing', () => {
    for (const [what, apply] of CRM_DATA) {
      const { id } = create({ name: `Partner mit CRM ${what}`, force: 'on' });
      apply(id);
      expect(deletePartner(db, actor(bernd), { id, version: 1, confirm: 'on' }), what).toEqual({
        ok: false,
        error: 'partners.error.hasCrmData',
      });
      expect(rowOf(id), what).toBeDefined();
    }
  });

  it("is allowed to a crm user, and the partner's CRM history stays", () => {
    const { id } = create({ name: 'Lübeck Reederei GmbH' });
    for (const [, apply] of CRM_DATA) apply(id);
    expect(deletePartner(db, actor(bernd, ['crm']), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
    expect(db.select().from(partners).where(eq(partners.id, id)).get()).toBeUndefined();
    expect(db.select().from(partnerCampaigns).where(eq(partnerCampaigns.partnerId, id)).all()).toEqual([]);
    expect(db.select().from(crmChanges).where(eq(crmChanges.entityId, id)).all()).toMatchObject([
      { entity: 'partner', field: 'employeeCount' },
    ]);
  });

  it('still lets a user without crm delete a partner without CRM data', () => {
    const { id } = create({ name: 'Rostock Werft GmbH' });
    expect(deletePartner(db, actor(bernd), { id, version: 1, confirm: 'on' })).toEqual({ ok: true, data: undefined });
  });
});

describe('listPartners', () => {
  const list = (params: Partial<PartnerListParams>, page = { limit: 50, offset: 0 }) =>
    listPartners(db, { ...DEFAULT_PARTNER_LIST_PARAMS, ...params }, page);
  const names = (params: Partial<PartnerListParams>, page?: { limit: number; offset: number }) =>
    list(params, page).rows.map((row) => row.name);

  beforeEach(() => {
    create({ name: 'Bauer Haustechnik GmbH', city: 'Erfurt', searchName: 'BAUER' });
    create({ name: 'Albrecht Software AG', name2: 'Niederlassung Süd', city: 'München' });
    create({ name: 'Zweckverband Wasser Erfurt', force: 'on' });
    create({ name: 'Carl Transporte KG', city: 'Hamburg' });
  });

  it('searches GPID, name, name 2, search name and city', () => {
    expect(names({ q: '10002' })).toEqual(['Albrecht Software AG']);
    expect(names({ q: 'software' })).toEqual(['Albrecht Software AG']);
    expect(names({ q: 'Niederlassung' })).toEqual(['Albrecht Software AG']);
    expect(names({ q: 'BAUER' })).toEqual(['Bauer Haustechnik GmbH']);
    expect(names({ q: 'erfurt' })).toEqual(['Bauer Haustechnik GmbH', 'Zweckverband Wasser Erfurt']);
    expect(names({ q: '%' })).toEqual([]);
    expect(list({ q: 'erfurt' }).total).toBe(2);
  });

  it('sorts by name or GPID in either direction', () => {
    expect(names({})).toEqual(['Albrecht Software AG', 'Bauer Haustechnik GmbH', 'Carl Transporte KG', 'Zweckverband Wasser Erfurt']);
    expect(names({ dir: 'desc' })[0]).toBe('Zweckverband Wasser Erfurt');
    expect(list({ sort: 'gpid' }).rows.map((row) => row.gpid)).toEqual([10_001, 10_002, 10_003, 10_004]);
    expect(list({ sort: 'gpid', dir: 'desc' }).rows.map((row) => row.gpid)).toEqual([10_004, 10_003, 10_002, 10_001]);
  });

  it('pages with the total of all matches', () => {
    const second = list({ sort: 'gpid' }, { limit: 3, offset: 3 });
    expect(second).toMatchObject({ total: 4, rows: [{ gpid: 10_004, name: 'Carl Transporte KG', city: 'Hamburg' }] });
    // List rows carry master data only.
    expect(Object.keys(second.rows[0]).sort()).toEqual(['city', 'gpid', 'id', 'name', 'name2', 'phone', 'postcode']);
  });
});

describe('partner actions', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };
  const signIn = () => {
    session.user = { id: anna, email: 'anna@example.com', name: 'Anna Admin', roles: [], locale: 'de' };
  };

  it('refuse an anonymous caller and change nothing', async () => {
    expect(await createPartnerAction({}, form({ name: 'Anonym GmbH' }))).toMatchObject({
      ok: false,
      error: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    });
    expect(await updatePartnerAction({}, form({ id: '1', version: '1', name: 'X' }))).toMatchObject({ ok: false });
    expect(await deletePartnerAction({}, form({ id: '1', version: '1', confirm: 'on' }))).toMatchObject({ ok: false });
    expect(partnerCount()).toBe(0);
  });

  it('answer an oversized name and a malformed id with messages and the typed values', async () => {
    signIn();
    const long = await createPartnerAction({}, form({ name: 'x'.repeat(10_000), city: 'Ulm' }));
    expect(long).toMatchObject({
      ok: false,
      error: 'Bitte prüfen Sie die markierten Felder.',
      fieldErrors: { name: 'Der Text ist zu lang.' },
      values: { city: 'Ulm' },
    });
    expect(await updatePartnerAction({}, form({ id: '-1', version: '1', name: 'X' }))).toMatchObject({
      fieldErrors: { id: 'Ungültige Kennung.' },
    });
    expect(await updatePartnerAction({}, form({ id: '4711', version: '1', name: 'X' }))).toMatchObject({
      error: 'Der Datensatz wurde nicht gefunden.',
    });
    expect(partnerCount()).toBe(0);
  });

  it('list similar partners until "trotzdem anlegen" is ticked, then create and open the partner', async () => {
    signIn();
    const existing = create({ name: 'Köhler Großhandel GmbH', city: 'Köln' });
    const refused = await createPartnerAction({}, form({ name: 'Köhler Großhandel KG', city: 'Bonn' }));
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringContaining('trotzdem anlegen'),
      fieldErrors: { force: 'Bitte bestätigen Sie mit „trotzdem anlegen“.' },
      values: { name: 'Köhler Großhandel KG', city: 'Bonn' },
      data: { similar: [{ id: existing.id, name: 'Köhler Großhandel GmbH', gpid: 10_001, city: 'Köln' }] },
    });
    await expect(createPartnerAction(refused, form({ name: 'Köhler Großhandel KG', city: 'Bonn', force: 'on' }))).rejects.toThrow(
      /^redirect:\/partners\/\d+\?created=1$/,
    );
    expect(partnerCount()).toBe(2);
  });

  it('name the other user on a stale save, and refuse deleting without the confirmation tick', async () => {
    signIn();
    const { id } = create({ name: 'Bonn Finanzberatung AG' });
    expect(updatePartner(db, actor(bernd), updatePartnerSchema.parse({ id, version: 1, name: 'Bonn Finanzberatung GmbH' })).ok).toBe(true);
    expect(await updatePartnerAction({}, form({ id: String(id), version: '1', name: 'Veraltet' }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('inzwischen von Bernd Technik geändert'),
    });
    expect(await deletePartnerAction({}, form({ id: String(id), version: '2' }))).toMatchObject({
      fieldErrors: { confirm: 'Bitte bestätigen Sie das Löschen mit dem Häkchen.' },
    });
    expect(rowOf(id).name).toBe('Bonn Finanzberatung GmbH');
  });

  it('tell a user without crm that CRM data exists, without showing any of it, and keep the partner', async () => {
    signIn();
    const { id } = create({ name: 'Jena Optik GmbH' });
    db.update(partners).set({ comment1: 'Rabatt 30 % zugesagt', employeeCount: 4711 }).where(eq(partners.id, id)).run();
    const answer = await deletePartnerAction({}, form({ id: String(id), version: '1', confirm: 'on' }));
    expect(answer).toEqual({
      ok: false,
      error: 'Zu diesem Geschäftspartner gibt es CRM-Daten. Nur ein CRM Benutzer kann ihn löschen.',
      values: { id: String(id), version: '1', confirm: 'on' },
    });
    expect(JSON.stringify(answer)).not.toMatch(/Rabatt|4711/);
    expect(rowOf(id).name).toBe('Jena Optik GmbH');
  });
});
