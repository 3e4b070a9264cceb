// A small realistic database for the hostile-input tests: the CRM lookup lists with one archived
// entry in each list, four users (one holding every role, one deactivated), three partners, three
// contacts, three tickets, queries and export templates of two owners. Records already carry
// archived entries (SPEC section 7: they stay where they are set, but cannot be chosen anew).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  attributes,
  bulkChanges,
  calendarFeeds,
  importUploads,
  imports,
  campaigns,
  companyGroups,
  contactAttributes,
  contacts,
  counters,
  crmChanges,
  crmPartnerStatuses,
  dataSources,
  exportTemplates,
  partnerAttributes,
  partnerCampaigns,
  partnerProducts,
  partners,
  products,
  queries,
  revenueGroups,
  ticketCampaigns,
  ticketProducts,
  tickets,
  users,
  type Role,
} from '@/db/schema';
import { seedLookups, type SeededLookups } from '@/db/seed/lookups';
import type { SessionUser } from '@/lib/auth/guards';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { freshAppDb } from './db';
import { fakeHash } from './fake-password';

export const FIXTURE_PASSWORD = 'demo1234';

/** A partner file as a user writes one by hand (`;`, German headers): one partner the fixture does not hold. */
export const IMPORT_FILE = 'Name;PLZ;Ort\r\nNeu Import GmbH;10115;Berlin\r\n';

export type Fixture = {
  db: Db;
  /** Holds admin, crm and crm_admin: every action lets them through to validation. */
  tess: SessionUser;
  carl: SessionUser;
  agentId: number;
  inactiveId: number;
  lookups: SeededLookups;
  /** Müller: CRM data incl. archived entries; Schmidt: plain; Leer: no contacts or tickets. */
  partners: { mueller: number; schmidt: number; leer: number };
  /** Erika (Müller, with Merkmale), Hans (Schmidt), Lotte (no partner, no tickets). */
  contacts: { erika: number; hans: number; lotte: number };
  /** crm: CRM-enabled with an archived status and campaign and a next action; plain: partner only; contactOnly: a deactivated Bearbeiter. */
  tickets: { crm: number; plain: number; contactOnly: number };
  /** Tess's four default queries, and one of Carl's. */
  tessQueries: number[];
  carlQuery: number;
  /** Tess's template (partners, "Adressen") and one of Carl's. */
  tessTemplate: number;
  carlTemplate: number;
  /** A bulk change not undone. */
  bulkChange: number;
  /** Tess's upload of a partner file with one new partner (IMPORT_FILE), and an applied import of hers not undone. */
  importUpload: number;
  importDone: number;
  /** One archived entry per list, by list key. */
  archived: Record<
    | 'crmTicketStatuses'
    | 'crmPartnerStatuses'
    | 'companyGroups'
    | 'dataSources'
    | 'campaigns'
    | 'products'
    | 'attributes'
    | 'revenueGroups',
    number
  >;
  /** Every id the fixture holds, of every kind (the "ids of another entity" of the alphabet). */
  allIds: number[];
};

const ARCHIVE = {
  crmPartnerStatuses: { table: crmPartnerStatuses, name: 'Gesperrt' },
  companyGroups: { table: companyGroups, name: 'Bauwesen' },
  dataSources: { table: dataSources, name: 'Partnerportal' },
  campaigns: { table: campaigns, name: 'Jahresendgeschäft 2026' },
  products: { table: products, name: 'Hosting' },
  attributes: { table: attributes, name: 'Einkauf' },
  revenueGroups: { table: revenueGroups, name: 'über 250.000 €' },
} as const;

function user(db: Db, name: string, email: string, roles: Role[], active = true): SessionUser {
  const row = db.transaction((tx) => insertUserWithDefaults(tx, { email, name, passwordHash: fakeHash(FIXTURE_PASSWORD), roles }));
  if (!active) db.update(users).set({ active: false }).where(eq(users.id, row.id)).run();
  return { id: row.id, email, name, roles, locale: 'de' };
}

/** Points the application at a new database and fills it; the connection skips fsync (test speed only). */
export function seedHostileFixture(): Fixture {
  const db = freshAppDb();
  db.$client.pragma('synchronous = OFF');
  const tess = user(db, 'Tess Test', 'tess@example.com', ['admin', 'crm', 'crm_admin']);
  const carl = user(db, 'Carl Vertrieb', 'crm@example.com', ['crm']);
  const agentId = user(db, 'Agnes Service', 'agent@example.com', []).id;
  const inactiveId = user(db, 'Olaf Ehemalig', 'olaf@example.com', [], false).id;

  const lookups = db.transaction((tx) => seedLookups(tx));
  const archived = { crmTicketStatuses: lookups.crmTicketStatuses.archivedIds[0] } as Fixture['archived'];
  for (const [list, { table, name }] of Object.entries(ARCHIVE) as [keyof typeof ARCHIVE, (typeof ARCHIVE)[keyof typeof ARCHIVE]][]) {
    const id = lookups[list].byName.get(name)!;
    db.update(table).set({ archived: true }).where(eq(table.id, id)).run();
    archived[list] = id;
  }
  const active = (list: keyof SeededLookups, name: string) => lookups[list].byName.get(name)!;

  const insertPartner = (values: typeof partners.$inferInsert) =>
    db.insert(partners).values(values).returning({ id: partners.id }).get().id;
  const mueller = insertPartner({
    gpid: 10_001,
    name: 'Müller Maschinenbau GmbH',
    city: 'Stuttgart',
    crmPartnerStatusId: active('crmPartnerStatuses', 'Bestandskunde'),
    companyGroupId: archived.companyGroups,
    revenueGroupId: active('revenueGroups', '10.000–50.000 €'),
    dataSourceId: archived.dataSources,
    employeeCount: 120,
    newsletter: true,
    comment1: 'Rahmenvertrag läuft bis 2027',
  });
  const schmidt = insertPartner({ gpid: 10_002, name: 'Schmidt & Söhne KG', city: 'Köln' });
  const leer = insertPartner({ gpid: 10_003, name: 'Leer GmbH' });
  db.insert(partnerCampaigns)
    .values([
      { partnerId: mueller, campaignId: archived.campaigns },
      { partnerId: mueller, campaignId: active('campaigns', 'Cloud-Migration') },
    ])
    .run();
  db.insert(partnerProducts).values({ partnerId: mueller, productId: archived.products }).run();
  db.insert(partnerAttributes)
    .values({ partnerId: mueller, attributeId: active('attributes', 'Referenzkunde') })
    .run();

  const insertContact = (values: typeof contacts.$inferInsert) =>
    db.insert(contacts).values(values).returning({ id: contacts.id }).get().id;
  const erika = insertContact({
    partnerId: mueller,
    salutation: 'Frau',
    firstName: 'Erika',
    lastName: 'Mustermann',
    email: 'erika@mueller.example',
  });
  const hans = insertContact({ partnerId: schmidt, salutation: 'Herr', firstName: 'Hans', lastName: 'Huber' });
  const lotte = insertContact({ partnerId: null, firstName: 'Lotte', lastName: 'Lose' });
  db.insert(contactAttributes)
    .values([
      { contactId: erika, attributeId: active('attributes', 'Entscheider') },
      { contactId: erika, attributeId: archived.attributes },
    ])
    .run();

  const insertTicket = (values: typeof tickets.$inferInsert) => db.insert(tickets).values(values).returning({ id: tickets.id }).get().id;
  const crm = insertTicket({
    number: 'T-000001',
    title: 'Angebot Wartungsvertrag',
    partnerId: mueller,
    contactId: erika,
    assigneeId: carl.id,
    crmEnabled: true,
    crmActivatedAt: new Date('2026-01-10T09:00:00Z'),
    crmStatusId: archived.crmTicketStatuses,
    probability: 40,
    potentialCents: 1_250_000,
    expectedUsers: 25,
    // An overdue follow-up with a time (SPEC section 17), for the follow-up actions to postpone and close.
    nextActionAt: '2026-01-20T10:00',
    nextActionText: 'Angebot nachfassen',
  });
  const plain = insertTicket({ number: 'T-000002', title: 'Drucker druckt nicht', partnerId: schmidt, status: 'in_progress' });
  const contactOnly = insertTicket({
    number: 'T-000003',
    title: 'Rückruf erbeten',
    contactId: hans,
    assigneeId: inactiveId,
    status: 'parked',
  });
  // The archived product is on Müller only: on the ticket it would be a new choice.
  db.insert(ticketProducts)
    .values({ ticketId: crm, productId: active('products', 'CRM-Modul') })
    .run();
  db.insert(ticketCampaigns).values({ ticketId: crm, campaignId: archived.campaigns }).run();
  db.insert(crmChanges)
    .values({ entity: 'ticket', entityId: crm, field: 'crmEnabled', oldValue: 'false', newValue: 'true', userId: carl.id })
    .run();
  db.insert(counters)
    .values([
      { name: 'ticket', value: 3 },
      { name: 'gpid', value: 10_003 },
    ])
    .run();

  const template = (ownerId: number) =>
    db
      .insert(exportTemplates)
      .values({ ownerId, entity: 'partners', name: 'Adressen', columns: ['gpid', 'name', 'city'] })
      .returning({ id: exportTemplates.id })
      .get().id;
  const tessTemplate = template(tess.id);
  const carlTemplate = template(carl.id);
  const queryIds = (ownerId: number) =>
    db
      .select({ id: queries.id })
      .from(queries)
      .where(eq(queries.ownerId, ownerId))
      .all()
      .map((row) => row.id);
  const tessQueries = queryIds(tess.id);
  const carlQuery = queryIds(carl.id)[0];
  // A bulk change of the CRM ticket that changed nothing (it held the value): the undo's case undoes it.
  const bulkChange = db
    .insert(bulkChanges)
    .values({ userId: tess.id, change: { kind: 'probability', probability: null }, ticketCount: 1, changedCount: 0 })
    .returning({ id: bulkChanges.id })
    .get().id;

  // Tess's import (SPEC section 18): an upload to apply, and an applied import (that created nothing) to undo.
  const importUpload = db
    .insert(importUploads)
    .values({ userId: tess.id, entity: 'partners', fileName: 'partner.csv', bytes: Buffer.from(IMPORT_FILE, 'utf8') })
    .returning({ id: importUploads.id })
    .get().id;
  const importDone = db
    .insert(imports)
    .values({
      userId: tess.id,
      entity: 'partners',
      fileName: 'alt.csv',
      counts: { create: 0, update: 0, unchanged: 1, skip: 0, entries: 0, crmChanges: 0 },
    })
    .returning({ id: imports.id })
    .get().id;

  // Tess's active calendar feed (SPEC section 17): the revoke's case ends it, the create's replaces it.
  db.insert(calendarFeeds)
    .values({ userId: tess.id, tokenHash: 'f'.repeat(64) })
    .run();

  const lookupIds = Object.values(lookups).flatMap((list) => [...list.byName.values()]);
  const allIds = [
    ...new Set([
      tess.id,
      carl.id,
      agentId,
      inactiveId,
      mueller,
      schmidt,
      leer,
      erika,
      hans,
      lotte,
      crm,
      plain,
      contactOnly,
      ...tessQueries,
      carlQuery,
      tessTemplate,
      carlTemplate,
      bulkChange,
      importUpload,
      importDone,
      ...lookupIds,
    ]),
  ];
  return {
    db,
    tess,
    carl,
    agentId,
    inactiveId,
    lookups,
    partners: { mueller, schmidt, leer },
    contacts: { erika, hans, lotte },
    tickets: { crm, plain, contactOnly },
    tessQueries,
    carlQuery,
    tessTemplate,
    carlTemplate,
    bulkChange,
    importUpload,
    importDone,
    archived,
    allIds,
  };
}
