// CRM data entry on tickets and partners: values, history, versions, archived entries, access.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  attributes,
  campaigns,
  companySizes,
  contactAttributes,
  contacts,
  crmChanges,
  crmTicketStatuses,
  partners,
  products,
  tickets,
  users,
} from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { contactAttributesSchema, getContactAttributes, saveContactAttributes } from '@/lib/crm/contacts';
import { CRM_HISTORY_PAGE_SIZE, crmHistoryPage, listCrmHistory } from '@/lib/crm/history';
import { savePartnerCrm } from '@/lib/crm/partners/mutations';
import { companySizeFor, getPartnerCrm } from '@/lib/crm/partners/queries';
import { partnerCrmSchema, ticketCrmSchema } from '@/lib/crm/schemas';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { getTicketCrm } from '@/lib/crm/tickets/queries';
import { updateContact } from '@/lib/contacts/mutations';
import { updateContactSchema } from '@/lib/contacts/schemas';
import { updatePartner } from '@/lib/partners/mutations';
import { updatePartnerSchema } from '@/lib/partners/schemas';
import { setTicketStatus, updateTicket } from '@/lib/tickets/mutations';
import { updateTicketSchema } from '@/lib/tickets/schemas';
import { freshAppDb } from '../support/db';

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;
let ticketId: number;

function sessionOf(email: string): SessionUser {
  const row = db.select().from(users).where(eq(users.email, email)).get()!;
  return { id: row.id, email: row.email, name: row.name, roles: row.roles, locale: row.locale };
}

const versionOf = (id: number) => db.select({ version: tickets.crmVersion }).from(tickets).where(eq(tickets.id, id)).get()!.version;
const statusNamed = (name: string) => db.select().from(crmTicketStatuses).where(eq(crmTicketStatuses.name, name)).get()!;

beforeEach(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crmUser = sessionOf('crm@example.com');
  agent = sessionOf('agent@example.com');
  ticketId = db.select({ id: tickets.id }).from(tickets).where(eq(tickets.crmEnabled, false)).get()!.id;
});

function saveTicket(fields: Record<string, string | string[]>, user = crmUser) {
  return saveTicketCrm(db, user, ticketCrmSchema('de').parse({ id: String(ticketId), crmVersion: String(versionOf(ticketId)), ...fields }));
}

describe('ticket CRM panel', () => {
  it('activates, saves German amounts, creates typed products, records every change, and deactivation keeps the values', () => {
    expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true })).toEqual({
      ok: true,
      data: undefined,
    });
    const offer = statusNamed('Angebot erstellt');
    const campaign = db.select().from(campaigns).where(eq(campaigns.archived, false)).get()!;
    expect(
      saveTicket({
        crmStatusId: String(offer.id),
        probability: '60',
        potential: '12.500,00',
        expectedUsers: '25',
        campaigns: String(campaign.id),
        newProducts: 'Premium-Support, premium-support ',
      }),
    ).toEqual({ ok: true, data: undefined });

    const crm = getTicketCrm(db, crmUser, ticketId)!;
    expect(crm).toMatchObject({
      enabled: true,
      crmStatusId: offer.id,
      probability: 60,
      potentialCents: 1_250_000,
      expectedUsers: 25,
      campaignIds: [campaign.id],
    });
    expect(crm.activatedAt).toBeInstanceOf(Date);
    expect(db.select().from(products).where(eq(products.name, 'Premium-Support')).all()).toHaveLength(1);

    const history = listCrmHistory(db, crmUser, 'ticket', ticketId);
    expect(history.map((entry) => [entry.field, entry.oldValue, entry.newValue]).sort()).toEqual(
      [
        ['campaigns', null, campaign.name],
        ['crmEnabled', 'false', 'true'],
        ['crmStatus', null, 'Angebot erstellt'],
        ['expectedUsers', null, '25'],
        ['potential', null, '1250000'],
        ['probability', null, '60'],
        ['products', null, 'Premium-Support'],
      ].sort(),
    );
    expect(history.every((entry) => entry.userName === 'Carl Vertrieb')).toBe(true);

    expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: false })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(getTicketCrm(db, crmUser, ticketId)).toMatchObject({ enabled: false, probability: 60, potentialCents: 1_250_000 });
    expect(listCrmHistory(db, crmUser, 'ticket', ticketId)[0]).toMatchObject({ field: 'crmEnabled', oldValue: 'true', newValue: 'false' });
  });

  it('reads a percent with or without its sign, and nothing else', () => {
    const probability = (text: string) => ticketCrmSchema('de').safeParse({ id: '1', crmVersion: '1', probability: text });
    expect(['60', '60 %', '60%', ' 0 % ', '100'].map((text) => probability(text).data?.probability)).toEqual([60, 60, 60, 0, 100]);
    for (const bad of ['%', '101 %', '5,5', '5.5', '60 % %', '-1']) expect(probability(bad).success, bad).toBe(false);
  });

  it('rejects invalid input per field and changes nothing', () => {
    setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true });
    const parsed = ticketCrmSchema('de').safeParse({
      id: String(ticketId),
      crmVersion: '1',
      probability: '101',
      potential: '12,500.00,1',
      expectedUsers: '-3',
      campaigns: 'abc',
    });
    expect(Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]))).toEqual({
      probability: 'crm.error.probability',
      potential: 'crm.error.potential',
      expectedUsers: 'crm.error.wholeNumber',
      campaigns: 'invalidId',
    });
    const before = db.select().from(crmChanges).all().length;
    expect(saveTicket({ crmStatusId: '99999' })).toMatchObject({ ok: false, fieldErrors: { crmStatusId: 'crm.error.unknownEntry' } });
    expect(saveTicket({ products: ['99998'], newProducts: 'Darf nicht entstehen' })).toMatchObject({
      ok: false,
      fieldErrors: { products: 'crm.error.unknownEntry' },
    });
    expect(db.select().from(products).where(eq(products.name, 'Darf nicht entstehen')).all()).toHaveLength(0);
    expect(db.select().from(crmChanges).all()).toHaveLength(before);
  });

  it('refuses a stale version naming who saved, and saving while CRM is off', () => {
    const version = versionOf(ticketId);
    expect(saveTicket({ probability: '10' })).toMatchObject({ ok: false, error: 'crm.error.notEnabled' });
    setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: version, enabled: true });
    expect(
      saveTicketCrm(db, crmUser, ticketCrmSchema('de').parse({ id: String(ticketId), crmVersion: String(version), probability: '10' })),
    ).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Carl Vertrieb',
    });
    expect(setTicketCrmEnabled(db, crmUser, { id: 999_999, crmVersion: 1, enabled: true })).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('keeps an archived status on a ticket that has it, but refuses choosing it anew', () => {
    const archived = db.select().from(crmTicketStatuses).where(eq(crmTicketStatuses.archived, true)).get()!;
    const carrier = db
      .select()
      .from(tickets)
      .where(and(eq(tickets.crmStatusId, archived.id), eq(tickets.crmEnabled, true)))
      .get();
    setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true });
    expect(saveTicket({ crmStatusId: String(archived.id) })).toMatchObject({
      ok: false,
      fieldErrors: { crmStatusId: 'crm.error.archivedEntry' },
    });
    if (carrier) {
      const result = saveTicketCrm(
        db,
        crmUser,
        ticketCrmSchema('de').parse({
          id: String(carrier.id),
          crmVersion: String(carrier.crmVersion),
          crmStatusId: String(archived.id),
          probability: '5',
        }),
      );
      expect(result).toEqual({ ok: true, data: undefined });
    }
  });

  it('a user without crm can neither read nor write ticket CRM values', () => {
    expect(() => getTicketCrm(db, agent, ticketId)).toThrow(AccessDenied);
    expect(() => setTicketCrmEnabled(db, agent, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true })).toThrow(AccessDenied);
    expect(() => saveTicket({ probability: '50' }, agent)).toThrow(AccessDenied);
    expect(() => listCrmHistory(db, agent, 'ticket', ticketId)).toThrow(AccessDenied);
    expect(db.select({ enabled: tickets.crmEnabled }).from(tickets).where(eq(tickets.id, ticketId)).get()!.enabled).toBe(false);
  });
});

describe('partner CRM tab', () => {
  it('saves every field, derives the grouped company size from the current ranges, and records the history', () => {
    const partner = db.select().from(partners).where(eq(partners.newsletter, false)).get()!;
    const partnerAttribute = db.select().from(attributes).where(eq(attributes.appliesTo, 'partner')).get()!;
    const result = savePartnerCrm(
      db,
      crmUser,
      partnerCrmSchema.parse({
        id: String(partner.id),
        crmVersion: String(partner.crmVersion),
        employeeCount: '120',
        newsletter: 'on',
        comment1: 'Rückruf im Januar',
        attributes: String(partnerAttribute.id),
        newCampaigns: 'Herbstaktion 2026',
      }),
    );
    expect(result).toEqual({ ok: true, data: undefined });
    const crm = getPartnerCrm(db, crmUser, partner.id)!;
    expect(crm).toMatchObject({
      employeeCount: 120,
      newsletter: true,
      isProspect: false,
      comment1: 'Rückruf im Januar',
      attributeIds: [partnerAttribute.id],
    });
    expect(companySizeFor(db, 120)?.name).toBe(
      db
        .select()
        .from(companySizes)
        .all()
        .find((size) => size.minEmployees <= 120 && (size.maxEmployees ?? Infinity) >= 120)!.name,
    );
    expect(companySizeFor(db, null)).toBeNull();
    const fields = listCrmHistory(db, crmUser, 'partner', partner.id).map((entry) => entry.field);
    expect(fields).toEqual(expect.arrayContaining(['employeeCount', 'newsletter', 'comment1', 'attributes', 'campaigns']));
  });

  it('refuses contact-only Merkmale, over-long comments and a stale version', () => {
    const partner = db.select().from(partners).get()!;
    const contactOnly = db.select().from(attributes).where(eq(attributes.appliesTo, 'contact')).get()!;
    expect(
      savePartnerCrm(
        db,
        crmUser,
        partnerCrmSchema.parse({ id: String(partner.id), crmVersion: String(partner.crmVersion), attributes: String(contactOnly.id) }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { attributes: 'crm.error.attributeTarget' },
    });
    expect(partnerCrmSchema.safeParse({ id: '1', crmVersion: '1', comment2: 'x'.repeat(2001) }).error?.issues[0]).toMatchObject({
      path: ['comment2'],
      message: 'tooLong',
    });
    expect(
      savePartnerCrm(db, crmUser, partnerCrmSchema.parse({ id: String(partner.id), crmVersion: String(partner.crmVersion + 5) })),
    ).toMatchObject({ ok: false, error: 'staleVersion' });
    expect(() => getPartnerCrm(db, agent, partner.id)).toThrow(AccessDenied);
  });
});

describe("the CRM fields' own version and stamp", () => {
  const ticketRow = () => db.select().from(tickets).where(eq(tickets.id, ticketId)).get()!;

  /** The ticket's master-data form as the agent's page rendered it: its current values at `version`. */
  function agentSavesTicket(version: number, title: string) {
    const row = ticketRow();
    const form = {
      id: String(row.id),
      version: String(version),
      title,
      description: row.description,
      partnerId: row.partnerId === null ? '' : String(row.partnerId),
      contactId: row.contactId === null ? '' : String(row.contactId),
      assigneeId: row.assigneeId === null ? '' : String(row.assigneeId),
    };
    return updateTicket(db, agent, updateTicketSchema.parse(form));
  }

  it('a CRM save leaves the ticket\'s version and "Geändert … von …" alone, so the agent\'s open form still saves', () => {
    const before = ticketRow();
    expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: before.crmVersion, enabled: true })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(saveTicket({ probability: '40', potential: '13.500,50' })).toEqual({ ok: true, data: undefined });

    const afterCrm = ticketRow();
    expect(afterCrm).toMatchObject({
      version: before.version,
      updatedById: before.updatedById,
      updatedAt: before.updatedAt,
      crmVersion: before.crmVersion + 2,
      crmUpdatedById: crmUser.id,
    });
    expect(afterCrm.crmUpdatedAt).toBeInstanceOf(Date);
    expect(getTicketCrm(db, crmUser, ticketId)).toMatchObject({ crmVersion: before.crmVersion + 2, crmUpdatedBy: 'Carl Vertrieb' });

    // The agent opened the ticket before the CRM saves: their form still carries the same version.
    expect(agentSavesTicket(before.version, 'Vom Agenten geändert')).toEqual({ ok: true, data: undefined });
    const afterAgent = ticketRow();
    expect(afterAgent).toMatchObject({
      title: 'Vom Agenten geändert',
      version: before.version + 1,
      updatedById: agent.id,
      crmVersion: before.crmVersion + 2,
      crmUpdatedById: crmUser.id,
      potentialCents: 1_350_050,
    });
  });

  it('refuses the second of two CRM saves on the same CRM version, naming who saved first, and keeps the first', () => {
    setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true });
    const admin = sessionOf('admin@example.com');
    const crmVersion = String(versionOf(ticketId));
    expect(saveTicketCrm(db, admin, ticketCrmSchema('de').parse({ id: String(ticketId), crmVersion, probability: '70' }))).toEqual({
      ok: true,
      data: undefined,
    });
    expect(saveTicketCrm(db, crmUser, ticketCrmSchema('de').parse({ id: String(ticketId), crmVersion, probability: '20' }))).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Anna Admin',
    });
    expect(getTicketCrm(db, crmUser, ticketId)).toMatchObject({ probability: 70, crmUpdatedBy: 'Anna Admin' });
    // The CRM toggle checks the CRM version as well.
    expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: Number(crmVersion), enabled: false })).toMatchObject({
      ok: false,
      changedBy: 'Anna Admin',
    });
  });

  it("a master-data save does not make an open CRM form stale, and a plain user's save conflicts only with master-data saves", () => {
    setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: versionOf(ticketId), enabled: true });
    const crmVersion = String(versionOf(ticketId));
    const version = ticketRow().version;
    const admin = sessionOf('admin@example.com');
    expect(setTicketStatus(db, admin, { id: ticketId, version, status: 'parked' })).toEqual({ ok: true, data: undefined });
    // The CRM form opened before the status change still saves.
    expect(saveTicketCrm(db, crmUser, ticketCrmSchema('de').parse({ id: String(ticketId), crmVersion, probability: '55' }))).toEqual({
      ok: true,
      data: undefined,
    });
    // The agent's form opened before the status change is stale: named is the master-data author, not the CRM one.
    expect(agentSavesTicket(version, 'Zu spät')).toEqual({ ok: false, error: 'staleVersion', changedBy: 'Anna Admin' });
    expect(ticketRow()).toMatchObject({ status: 'parked', probability: 55, updatedById: admin.id });
  });

  it("a partner's CRM save leaves its master-data version and stamp alone, and a stale CRM save names the CRM author", () => {
    const partner = db.select().from(partners).get()!;
    const crmForm = { id: String(partner.id), crmVersion: String(partner.crmVersion), employeeCount: '77' };
    expect(savePartnerCrm(db, crmUser, partnerCrmSchema.parse(crmForm))).toEqual({ ok: true, data: undefined });
    const after = db.select().from(partners).where(eq(partners.id, partner.id)).get()!;
    expect(after).toMatchObject({
      version: partner.version,
      updatedById: partner.updatedById,
      updatedAt: partner.updatedAt,
      crmVersion: partner.crmVersion + 1,
      crmUpdatedById: crmUser.id,
      employeeCount: 77,
    });
    expect(getPartnerCrm(db, crmUser, partner.id)).toMatchObject({ crmUpdatedBy: 'Carl Vertrieb' });

    const master = {
      id: String(partner.id),
      version: String(partner.version),
      name: partner.name,
      name2: partner.name2,
      searchName: partner.searchName,
      street: partner.street,
      postcode: partner.postcode,
      city: 'Kiel',
      country: partner.country,
      phone: partner.phone,
      email: partner.email,
      website: partner.website,
    };
    expect(updatePartner(db, agent, updatePartnerSchema.parse(master))).toEqual({ ok: true, data: undefined });
    expect(savePartnerCrm(db, sessionOf('admin@example.com'), partnerCrmSchema.parse({ ...crmForm, employeeCount: '78' }))).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Carl Vertrieb',
    });
    expect(db.select().from(partners).where(eq(partners.id, partner.id)).get()).toMatchObject({
      city: 'Kiel',
      employeeCount: 77,
      updatedById: agent.id,
    });
  });
});

describe("a contact's Merkmale", () => {
  it("save without touching the contact's version and stamp, so a plain user's open form still saves; a stale Merkmale form is refused", () => {
    const contact = db.select().from(contacts).get()!;
    const [first, second] = db.select().from(attributes).where(eq(attributes.appliesTo, 'contact')).all();
    const shown = getContactAttributes(db, crmUser, contact.id)!.attributeIds.map(String);
    const form = (chosen: number[]) =>
      contactAttributesSchema.parse({ id: String(contact.id), shownAttributes: shown, attributes: chosen.map(String) });
    expect(saveContactAttributes(db, crmUser, form([first.id]))).toEqual({ ok: true, data: undefined });
    expect(db.select().from(contacts).where(eq(contacts.id, contact.id)).get()).toMatchObject({
      version: contact.version,
      updatedById: contact.updatedById,
      updatedAt: contact.updatedAt,
    });

    // A second CRM user's form, opened before that save, shows the old Merkmale: refused, nothing changed.
    expect(saveContactAttributes(db, sessionOf('admin@example.com'), form([second.id]))).toEqual({ ok: false, error: 'staleVersion' });
    expect(
      db.select({ id: contactAttributes.attributeId }).from(contactAttributes).where(eq(contactAttributes.contactId, contact.id)).all(),
    ).toEqual([{ id: first.id }]);

    const edit = {
      id: String(contact.id),
      version: String(contact.version),
      salutation: contact.salutation,
      firstName: contact.firstName,
      lastName: 'Nachname neu',
      email: contact.email,
      phone: contact.phone,
      position: contact.position,
      partnerId: contact.partnerId === null ? '' : String(contact.partnerId),
    };
    expect(updateContact(db, agent, updateContactSchema.parse(edit))).toEqual({ ok: true, data: undefined });
    expect(() => saveContactAttributes(db, agent, form([]))).toThrow(AccessDenied);
  });
});

describe('history pages', () => {
  function writeHistory(count: number) {
    const start = Date.UTC(2026, 0, 1);
    db.insert(crmChanges)
      .values(
        Array.from({ length: count }, (_, index) => ({
          entity: 'ticket' as const,
          entityId: ticketId,
          field: 'probability',
          oldValue: String(index),
          newValue: String(index + 1),
          userId: crmUser.id,
          at: new Date(start + index * 60_000),
        })),
      )
      .run();
  }

  it('shows 20 entries a page, newest first, counts them all, and takes a page past the last as the last', () => {
    writeHistory(2 * CRM_HISTORY_PAGE_SIZE + 5);
    const first = crmHistoryPage(db, crmUser, 'ticket', ticketId, 1);
    expect(first).toMatchObject({ total: 45, page: 1, pageSize: 20 });
    expect(first.entries.map((entry) => entry.newValue)).toEqual(Array.from({ length: 20 }, (_, index) => String(45 - index)));
    const last = crmHistoryPage(db, crmUser, 'ticket', ticketId, 3);
    expect(last.entries.map((entry) => entry.newValue)).toEqual(['5', '4', '3', '2', '1']);
    expect(crmHistoryPage(db, crmUser, 'ticket', ticketId, 99)).toEqual({ ...last, page: 3 });
    // Every entry on exactly one page.
    const seen = [1, 2, 3].flatMap((page) => crmHistoryPage(db, crmUser, 'ticket', ticketId, page).entries.map((entry) => entry.id));
    expect(new Set(seen).size).toBe(45);
  });

  it('is an empty first page for a record without changes, and CRM data a user without crm does not get', () => {
    expect(crmHistoryPage(db, crmUser, 'ticket', ticketId, 4)).toEqual({ entries: [], total: 0, page: 1, pageSize: 20 });
    writeHistory(3);
    expect(() => crmHistoryPage(db, agent, 'ticket', ticketId, 1)).toThrow(AccessDenied);
  });
});
