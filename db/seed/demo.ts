// The German demo data of SPEC section 11: lookups, demo users, ~40 partners, ~100 contacts, 300 tickets.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  contactAttributes,
  contacts,
  counters,
  crmChanges,
  partnerAttributes,
  partnerCampaigns,
  partnerProducts,
  partners,
  ticketCampaigns,
  ticketProducts,
  tickets,
  type Role,
  type TicketStatus,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { seedLookups, type LookupIds, type SeededLookups, type SeedTx } from './lookups';
import { makeCompany, makePartnerComment, makePerson, makeTicketText } from './names';
import { seedNextActions, seedPipeline } from './pipeline';
import { createRandom, type Random } from './random';
import { contactSortKey, germanSortKey } from '@/lib/order/sort-key';
import { GPID_START } from '@/lib/partners/mutations';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@example.com', name: 'Anna Admin', roles: ['admin', 'crm_admin', 'crm'] },
  { email: 'crm@example.com', name: 'Carl Vertrieb', roles: ['crm'] },
  { email: 'agent@example.com', name: 'Agnes Service', roles: [] },
];
const DEMO_ASSIGNEES: { email: string; name: string; roles: Role[] }[] = [
  { email: 'bernd@example.com', name: 'Bernd Technik', roles: [] },
  { email: 'doris@example.com', name: 'Doris Vertrieb', roles: ['crm'] },
  { email: 'emil@example.com', name: 'Emil Support', roles: [] },
  { email: 'frieda@example.com', name: 'Frieda Kundenbetreuung', roles: ['crm'] },
];

/** The seed numbers partners exactly as the application does. */
export const FIRST_GPID = GPID_START;
const PARTNER_COUNT = 40;
const TICKET_COUNT = 300;
const DAY = 86_400_000;

type Seeded = { id: number; createdAt: number };
type SeededPartner = Seeded & { crm: boolean; statusId: number | null; company: { website: string; phone: string } };
type SeededContact = Seeded & { partnerId: number | null };
type SeededUser = { id: number; crm: boolean };

const nameOf = (list: LookupIds, id: number | null): string | null =>
  id === null ? null : ([...list.byName].find(([, entryId]) => entryId === id)?.[0] ?? null);

const maybe = <T>(random: Random, p: number, value: () => T): T | null => (random.chance(p) ? value() : null);

/** Seeds an empty, migrated database; `now` anchors the timestamps (tests pass a fixed one). */
export async function seedDemoData(db: Db, options: { now?: number; seed?: number } = {}): Promise<void> {
  // Hash before the transaction: better-sqlite3 transactions are synchronous.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = options.now ?? Date.now();
  const seed = options.seed ?? 20_260_101;
  const random = createRandom(seed);
  db.transaction((tx) => {
    const lookups = seedLookups(tx);
    const users = [...DEMO_USERS, ...DEMO_ASSIGNEES].map((user) => ({
      id: insertUserWithDefaults(tx, { ...user, passwordHash }).id,
      crm: user.roles.includes('crm'),
    }));
    const partnerRows = insertPartners(tx, random, lookups, now);
    const contactRows = insertContacts(tx, random, lookups, partnerRows, now);
    const ticketIds = insertTickets(tx, random, { lookups, partners: partnerRows, contacts: contactRows, users, now });
    insertHistory(tx, random, { lookups, partners: partnerRows, tickets: ticketIds, users, now });
    const crmUserIds = users.filter((user) => user.crm).map((user) => user.id);
    seedPipeline(tx, createRandom(seed + 19), { lookups, crmUserIds, now });
    seedNextActions(tx, createRandom(seed + 21), { lookups, crmUserIds, now });
    stampCrmFromHistory(tx);
    for (const [name, value] of [
      ['gpid', FIRST_GPID + PARTNER_COUNT - 1],
      ['ticket', TICKET_COUNT],
    ] as const) {
      tx.insert(counters).values({ name, value }).onConflictDoUpdate({ target: counters.name, set: { value } }).run();
    }
  });
}

function insertPartners(tx: SeedTx, random: Random, lookups: SeededLookups, now: number): SeededPartner[] {
  const usedNames = new Set<string>();
  const ranges = lookups.companySizes.ranges;
  const rows: SeededPartner[] = [];
  for (let i = 0; i < PARTNER_COUNT; i++) {
    const crm = random.chance(0.85);
    const groupId = random.pick(lookups.companyGroups.ids);
    let company = makeCompany(random, nameOf(lookups.companyGroups, groupId));
    while (usedNames.has(company.name)) company = makeCompany(random, nameOf(lookups.companyGroups, groupId));
    usedNames.add(company.name);
    // Walk through the size ranges so every range (and "no count") has partners.
    const range = ranges[i % ranges.length];
    const employeeCount = crm && i % 8 !== 7 ? random.int(range.min, range.max ?? range.min * 5) : null;
    const statusId = crm ? maybe(random, 0.9, () => random.pick(lookups.crmPartnerStatuses.ids)) : null;
    const createdAt = now - random.int(400, 900) * DAY;
    const partner = tx
      .insert(partners)
      .values({
        gpid: FIRST_GPID + i,
        ...company,
        sortName: germanSortKey(company.name),
        crmPartnerStatusId: statusId,
        companyGroupId: crm ? groupId : null,
        revenueGroupId: crm ? maybe(random, 0.85, () => random.pick(lookups.revenueGroups.ids)) : null,
        employeeCount,
        dataSourceId: crm ? maybe(random, 0.8, () => random.pick(lookups.dataSources.ids)) : null,
        newsletter: crm && random.chance(0.45),
        isProspect: statusId === lookups.crmPartnerStatuses.byName.get('Neukunde') ? random.chance(0.7) : random.chance(0.05),
        comment1: crm && random.chance(0.35) ? makePartnerComment(random) : '',
        comment2: crm && random.chance(0.1) ? makePartnerComment(random) : '',
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt + random.int(0, 150) * DAY),
      })
      .returning({ id: partners.id })
      .get();
    if (crm) {
      for (const campaignId of random.sample(lookups.campaigns.ids, random.int(0, 2))) {
        tx.insert(partnerCampaigns).values({ partnerId: partner.id, campaignId }).run();
      }
      for (const productId of random.sample(lookups.products.ids, random.int(0, 3))) {
        tx.insert(partnerProducts).values({ partnerId: partner.id, productId }).run();
      }
      for (const attributeId of random.sample(lookups.attributes.partnerIds, random.chance(0.4) ? 1 : 0)) {
        tx.insert(partnerAttributes).values({ partnerId: partner.id, attributeId }).run();
      }
    }
    rows.push({ id: partner.id, createdAt, crm, statusId, company });
  }
  return rows;
}

function insertContacts(tx: SeedTx, random: Random, lookups: SeededLookups, partnerRows: SeededPartner[], now: number): SeededContact[] {
  const rows: SeededContact[] = [];
  // Contacts predate every ticket (tickets reach back one year).
  const insert = (partner: SeededPartner | null) => {
    const createdAt = (partner?.createdAt ?? now - 500 * DAY) + random.int(0, 30) * DAY;
    const person = makePerson(random, partner?.company ?? null);
    const contact = tx
      .insert(contacts)
      .values({
        partnerId: partner?.id ?? null,
        ...person,
        sortName: contactSortKey(person),
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      })
      .returning({ id: contacts.id })
      .get();
    for (const attributeId of random.sample(lookups.attributes.contactIds, random.chance(0.3) ? random.int(1, 2) : 0)) {
      tx.insert(contactAttributes).values({ contactId: contact.id, attributeId }).run();
    }
    rows.push({ id: contact.id, createdAt, partnerId: partner?.id ?? null });
  };
  for (const partner of partnerRows) {
    const count = random.int(1, 3) + (random.chance(0.25) ? 1 : 0);
    for (let i = 0; i < count; i++) insert(partner);
  }
  for (let i = 0; i < 8; i++) insert(null);
  return rows;
}

const STATUS_WEIGHTS: TicketStatus[] = [
  'open',
  'open',
  'open',
  'in_progress',
  'in_progress',
  'in_progress',
  'parked',
  'closed',
  'closed',
  'closed',
];
const USER_COUNTS = [3, 5, 10, 15, 20, 25, 40, 50, 75, 100, 150, 250, 500];

function probabilityFor(random: Random, lookups: SeededLookups, statusId: number | null): number | null {
  if (statusId === lookups.crmTicketStatuses.byName.get('Gewonnen')) return 100;
  if (statusId === lookups.crmTicketStatuses.byName.get('Verloren')) return 0;
  return maybe(random, 0.85, () => (random.chance(0.6) ? random.int(1, 9) * 10 : random.int(1, 19) * 5));
}

function potentialFor(random: Random): number | null {
  return maybe(random, 0.85, () => {
    const euros = random.chance(0.8) ? random.int(5, 400) * 100 : random.int(40, 250) * 1000;
    return euros * 100 + (random.chance(0.1) ? random.int(1, 99) : 0);
  });
}

type TicketContext = { lookups: SeededLookups; partners: Seeded[]; contacts: SeededContact[]; users: SeededUser[]; now: number };

function insertTickets(tx: SeedTx, random: Random, context: TicketContext): number[] {
  const { lookups, now } = context;
  const withPartner = context.contacts.filter((contact) => contact.partnerId !== null);
  // Oldest first, so numbers grow with the creation time.
  const createdTimes = Array.from({ length: TICKET_COUNT }, () => now - random.int(60_000, 365 * DAY)).sort((a, b) => a - b);
  const won = lookups.crmTicketStatuses.byName.get('Gewonnen');
  const lost = lookups.crmTicketStatuses.byName.get('Verloren');
  let archivedStatusUsed = false;
  return createdTimes.map((createdAt, i) => {
    // A ticket names a partner and its contact, a partner only, or a contact only.
    const link = random.next();
    const contact = link < 0.55 ? random.pick(withPartner) : link < 0.85 ? null : random.pick(context.contacts);
    const partnerId = link < 0.55 ? (contact?.partnerId ?? null) : link < 0.85 ? random.pick(context.partners).id : null;
    const crmEnabled = random.chance(0.5);
    // A few tickets had CRM switched off again: the values stay (SPEC section 5).
    const hasCrmValues = crmEnabled || random.chance(0.04);
    let crmStatusId = hasCrmValues ? maybe(random, 0.9, () => random.pick(lookups.crmTicketStatuses.ids)) : null;
    const decided = crmStatusId === won || crmStatusId === lost;
    const age = now - createdAt;
    const status =
      decided && random.chance(0.8)
        ? 'closed'
        : age < 14 * DAY
          ? random.pick<TicketStatus>(['open', 'open', 'in_progress'])
          : random.pick(STATUS_WEIGHTS);
    const updatedAt = Math.min(now, createdAt + random.int(0, Math.min(age, 60 * DAY)));
    const crmActivatedAt = hasCrmValues ? createdAt + random.int(0, updatedAt - createdAt) : null;
    if (crmEnabled && !archivedStatusUsed && status === 'closed' && !decided && lookups.crmTicketStatuses.archivedIds.length > 0) {
      // One record keeps an archived status, so archive handling is visible in the demo.
      crmStatusId = lookups.crmTicketStatuses.archivedIds[0];
      archivedStatusUsed = true;
    }
    const text = makeTicketText(random, hasCrmValues ? random.chance(0.9) : random.chance(0.1));
    const ticket = tx
      .insert(tickets)
      .values({
        number: `T-${String(i + 1).padStart(6, '0')}`,
        ...text,
        status,
        partnerId,
        contactId: contact?.id ?? null,
        assigneeId: maybe(random, 0.8, () => random.pick(context.users).id),
        createdById: random.pick(context.users).id,
        crmEnabled,
        crmActivatedAt: crmActivatedAt === null ? null : new Date(crmActivatedAt),
        crmStatusId,
        probability: hasCrmValues ? probabilityFor(random, lookups, crmStatusId) : null,
        potentialCents: hasCrmValues ? potentialFor(random) : null,
        expectedUsers: hasCrmValues ? maybe(random, 0.75, () => random.pick(USER_COUNTS)) : null,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt),
      })
      .returning({ id: tickets.id })
      .get();
    if (hasCrmValues) {
      for (const productId of random.sample(lookups.products.ids, random.int(0, 3))) {
        tx.insert(ticketProducts).values({ ticketId: ticket.id, productId }).run();
      }
      for (const campaignId of random.sample(lookups.campaigns.ids, random.pick([0, 0, 1, 1, 2]))) {
        tx.insert(ticketCampaigns).values({ ticketId: ticket.id, campaignId }).run();
      }
    }
    return ticket.id;
  });
}

/**
 * The CRM stamp ("CRM geändert … von …") of every seeded record: its newest history entry, as
 * migration 0001 sets it for existing data. Records without CRM history keep no CRM stamp.
 */
function stampCrmFromHistory(tx: SeedTx): void {
  for (const [entity, table] of [
    ['ticket', tickets],
    ['partner', partners],
  ] as const) {
    const newest = (column: typeof crmChanges.at | typeof crmChanges.userId) =>
      sql`(SELECT ${column} FROM ${crmChanges} WHERE ${crmChanges.entity} = ${entity} AND ${crmChanges.entityId} = ${table.id} ORDER BY ${crmChanges.at} DESC, ${crmChanges.id} DESC LIMIT 1)`;
    tx.update(table)
      .set({ crmUpdatedAt: newest(crmChanges.at), crmUpdatedById: newest(crmChanges.userId) })
      .run();
  }
}

type HistoryContext = { lookups: SeededLookups; partners: SeededPartner[]; tickets: number[]; users: SeededUser[]; now: number };

/** A few plausible CRM edits; values are stored as the user saw them (entry names, plain numbers). */
function insertHistory(tx: SeedTx, random: Random, context: HistoryContext): void {
  const { lookups, now } = context;
  const crmUsers = context.users.filter((user) => user.crm);
  const crmTickets = tx
    .select({ id: tickets.id, activatedAt: tickets.crmActivatedAt })
    .from(tickets)
    .where(eq(tickets.crmEnabled, true))
    .all();
  for (const ticket of random.sample(crmTickets, 30)) {
    const userId = random.pick(crmUsers).id;
    let at = ticket.activatedAt?.getTime() ?? now - 30 * DAY;
    const change = (field: string, oldValue: string | null, newValue: string | null) => {
      tx.insert(crmChanges)
        .values({ entity: 'ticket', entityId: ticket.id, field, oldValue, newValue, userId, at: new Date(at) })
        .run();
      at = Math.min(now, at + random.int(1, 20) * DAY);
    };
    // The status, chance and close dates get their Verlauf from the pipeline (pipeline.ts).
    change('crmEnabled', 'false', 'true');
  }
  const bestandskunde = lookups.crmPartnerStatuses.byName.get('Bestandskunde') ?? null;
  for (const partner of random.sample(
    context.partners.filter((row) => row.statusId === bestandskunde),
    8,
  )) {
    tx.insert(crmChanges)
      .values({
        entity: 'partner',
        entityId: partner.id,
        field: 'partnerStatus',
        oldValue: 'Neukunde',
        newValue: nameOf(lookups.crmPartnerStatuses, bestandskunde),
        userId: random.pick(crmUsers).id,
        at: new Date(partner.createdAt + random.int(30, 180) * DAY),
      })
      .run();
  }
}
