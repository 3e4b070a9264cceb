// The benchmark data set: N partners, ~2 contacts each, M tickets (about half CRM-enabled, each with
// its pipeline: phase, expected close, Verlustgrund and a Verlauf, see large-pipeline.ts).
// Rows go in through reused prepared statements in batched transactions: Drizzle's builder per row
// would spend most of the time building SQL.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '@/db/client';
import type { Role, TicketStatus } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { DEMO_PASSWORD, DEMO_USERS, FIRST_GPID } from './demo';
import { berlinIsoDate } from '@/lib/csv/berlin-calendar';
import { dayNumber, pipelineLookups, planPipeline } from './large-pipeline';
import { planNextAction } from './next-actions';
import { seedLookups, type LookupIds, type SeededLookups } from './lookups';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, makeCompany, makePartnerComment, makePerson, makeTicketText } from './names';
import { createRandom, type Random } from './random';
import { backfillSortKeys } from '../sort-keys';

const BATCH = 5_000;
const DAY = 86_400_000;
const ASSIGNEE_COUNT = 20;
const STATUSES: TicketStatus[] = ['open', 'open', 'in_progress', 'in_progress', 'parked', 'closed', 'closed', 'closed', 'closed', 'closed'];
const USER_COUNTS = [1, 3, 5, 10, 15, 20, 25, 40, 50, 75, 100, 150, 250, 500, 1000];
/** The user `npm run bench` signs in as: "Meine Wiedervorlagen" is measured with this many of theirs. */
export const BENCH_USER_EMAIL = 'crm@example.com';
export const BENCH_USER_FOLLOWUPS = 1_000;
/** Next actions draw from a stream of their own, so adding them left every other generated value as it was. */
const NEXT_ACTION_SEED_OFFSET = 0x5eed;

type Statement = BetterSqlite3.Statement<unknown[]>;

/** Runs `fill(i)` for i in [0, count) in transactions of BATCH rows. */
function inBatches(sqlite: BetterSqlite3.Database, count: number, fill: (i: number) => void): void {
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) fill(i);
  });
  for (let from = 0; from < count; from += BATCH) batch(from, Math.min(count, from + BATCH));
}

const orNull = (random: Random, p: number, list: LookupIds): number | null => (random.chance(p) ? random.pick(list.ids) : null);

function linkAll(statement: Statement, ownerId: number | bigint, ids: number[]): void {
  for (const id of ids) statement.run(ownerId, id);
}

/** Seeds an empty, migrated database; `db` and `sqlite` must be the same connection. */
export async function seedLargeData(
  db: Db,
  sqlite: BetterSqlite3.Database,
  options: { partners: number; tickets: number; seed?: number; now?: number },
): Promise<{ ms: number }> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = createRandom(options.seed ?? 1_000);
  const actions = createRandom((options.seed ?? 1_000) + NEXT_ACTION_SEED_OFFSET);
  const now = options.now ?? Date.now();

  const { lookups, userIds, crmUserIds } = db.transaction((tx) => {
    const seeded = seedLookups(tx);
    const assignees = Array.from({ length: ASSIGNEE_COUNT }, (_, i) => {
      const number = String(i + 1).padStart(2, '0');
      const first = random.pick(random.chance(0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const roles: Role[] = i % 2 === 0 ? ['crm'] : [];
      return { email: `bearbeiter${number}@example.com`, name: `${first} ${random.pick(SURNAMES)}`, roles };
    });
    const everyone = [...DEMO_USERS, ...assignees];
    const ids = everyone.map((user) => insertUserWithDefaults(tx, { ...user, passwordHash }).id);
    return { lookups: seeded, userIds: ids, crmUserIds: ids.filter((_, i) => everyone[i].roles.includes('crm')) };
  });

  const contacts = insertPartnersAndContacts(sqlite, random, lookups, options.partners, now);
  insertTickets(sqlite, random, actions, {
    lookups,
    userIds,
    crmUserIds,
    contacts,
    partnerCount: options.partners,
    ticketCount: options.tickets,
    now,
  });
  giveFollowupsToBenchUser(sqlite, userIds[DEMO_USERS.findIndex((user) => user.email === BENCH_USER_EMAIL)]);
  // Bulk inserts leave the German sort keys to the one function that computes them.
  backfillSortKeys(sqlite);

  const upsertCounter = sqlite.prepare(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  upsertCounter.run('gpid', FIRST_GPID + options.partners - 1);
  upsertCounter.run('ticket', options.tickets);
  sqlite.exec('ANALYZE');
  return { ms: Math.round(performance.now() - started) };
}

type ContactIndex = { ids: number[]; partnerIds: number[] };

function insertPartnersAndContacts(
  sqlite: BetterSqlite3.Database,
  random: Random,
  lookups: SeededLookups,
  count: number,
  now: number,
): ContactIndex {
  const partner = sqlite.prepare(
    `INSERT INTO partners (gpid, name, search_name, street, postcode, city, phone, email, website,
       crm_partner_status_id, company_group_id, newsletter, revenue_group_id, employee_count, data_source_id,
       is_prospect, comment1, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const contact = sqlite.prepare(
    `INSERT INTO contacts (partner_id, salutation, first_name, last_name, email, phone, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const partnerCampaign = sqlite.prepare('INSERT INTO partner_campaigns (partner_id, campaign_id) VALUES (?, ?)');
  const partnerProduct = sqlite.prepare('INSERT INTO partner_products (partner_id, product_id) VALUES (?, ?)');
  const partnerAttribute = sqlite.prepare('INSERT INTO partner_attributes (partner_id, attribute_id) VALUES (?, ?)');
  const contactAttribute = sqlite.prepare('INSERT INTO contact_attributes (contact_id, attribute_id) VALUES (?, ?)');
  const groupNames = new Map([...lookups.companyGroups.byName].map(([name, id]) => [id, name]));
  const ranges = lookups.companySizes.ranges;
  const index: ContactIndex = { ids: [], partnerIds: [] };

  inBatches(sqlite, count, (i) => {
    const crm = random.chance(0.9);
    const groupId = random.pick(lookups.companyGroups.ids);
    const company = makeCompany(random, groupNames.get(groupId) ?? null);
    const range = random.pick(ranges);
    const createdAt = now - random.int(400, 2_000) * DAY;
    const { lastInsertRowid: partnerId } = partner.run(
      FIRST_GPID + i,
      company.name,
      company.searchName,
      company.street,
      company.postcode,
      company.city,
      company.phone,
      company.email,
      company.website,
      crm ? orNull(random, 0.9, lookups.crmPartnerStatuses) : null,
      crm ? groupId : null,
      crm && random.chance(0.4) ? 1 : 0,
      crm ? orNull(random, 0.85, lookups.revenueGroups) : null,
      crm && random.chance(0.9) ? random.int(range.min, range.max ?? 20_000) : null,
      crm ? orNull(random, 0.8, lookups.dataSources) : null,
      random.chance(0.15) ? 1 : 0,
      crm && random.chance(0.2) ? makePartnerComment(random) : '',
      createdAt,
      createdAt + random.int(0, 300) * DAY,
    );
    if (crm) {
      linkAll(partnerCampaign, partnerId, random.chance(0.3) ? random.sample(lookups.campaigns.ids, random.int(1, 2)) : []);
      linkAll(partnerProduct, partnerId, random.sample(lookups.products.ids, random.int(0, 2)));
      linkAll(partnerAttribute, partnerId, random.chance(0.2) ? [random.pick(lookups.attributes.partnerIds)] : []);
    }
    const contactCount = random.int(1, 3);
    for (let c = 0; c < contactCount; c++) {
      const person = makePerson(random, company);
      const at = createdAt + random.int(0, 30) * DAY;
      const { lastInsertRowid } = contact.run(
        partnerId,
        person.salutation,
        person.firstName,
        person.lastName,
        person.email,
        person.phone,
        person.position,
        at,
        at,
      );
      linkAll(contactAttribute, lastInsertRowid, random.chance(0.15) ? [random.pick(lookups.attributes.contactIds)] : []);
      index.ids.push(Number(lastInsertRowid));
      index.partnerIds.push(Number(partnerId));
    }
  });
  return index;
}

type TicketContext = {
  lookups: SeededLookups;
  userIds: number[];
  /** Who edits the CRM values in the Verlauf. */
  crmUserIds: number[];
  contacts: ContactIndex;
  partnerCount: number;
  ticketCount: number;
  now: number;
};

function insertTickets(sqlite: BetterSqlite3.Database, random: Random, actions: Random, context: TicketContext): void {
  const { lookups, contacts, now } = context;
  const ticket = sqlite.prepare(
    `INSERT INTO tickets (number, title, description, status, partner_id, contact_id, assignee_id, created_by_id,
       crm_enabled, crm_activated_at, crm_status_id, probability, potential_cents, expected_users, expected_close, lost_reason_id,
       crm_updated_at, crm_updated_by_id, created_at, updated_at, next_action_at, next_action_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ticketProduct = sqlite.prepare('INSERT INTO ticket_products (ticket_id, product_id) VALUES (?, ?)');
  const ticketCampaign = sqlite.prepare('INSERT INTO ticket_campaigns (ticket_id, campaign_id) VALUES (?, ?)');
  const change = sqlite.prepare(
    `INSERT INTO crm_changes (entity, entity_id, field, old_value, new_value, user_id, at) VALUES ('ticket', ?, ?, ?, ?, ?, ?)`,
  );
  const pipelines = pipelineLookups(lookups);
  const clock = { now, today: dayNumber(berlinIsoDate(now)) };
  const firstPartnerId = Number(sqlite.prepare('SELECT min(id) FROM partners').pluck().get());
  // Two years of tickets, oldest first so numbers grow with the creation time.
  const createdTimes = Float64Array.from({ length: context.ticketCount }, () => now - random.int(60_000, 730 * DAY)).sort();

  inBatches(sqlite, context.ticketCount, (i) => {
    const link = random.next();
    const c = random.int(0, contacts.ids.length - 1);
    const contactId = link < 0.85 && contacts.ids.length > 0 ? contacts.ids[c] : null;
    // Partner and contact (the contact's partner), a contact only, or a partner only.
    const partnerId =
      link < 0.6 && contactId !== null
        ? contacts.partnerIds[c]
        : link < 0.85 && contactId !== null
          ? null
          : firstPartnerId + random.int(0, context.partnerCount - 1);
    const createdAt = createdTimes[i];
    const updatedAt = Math.min(now, createdAt + random.int(0, 90) * DAY);
    const crm = random.chance(0.5);
    const text = makeTicketText(random, crm);
    const activatedAt = crm ? createdAt + random.int(0, updatedAt - createdAt) : null;
    const drawnStatus = crm ? orNull(random, 0.9, lookups.crmTicketStatuses) : null;
    const pipeline = activatedAt === null ? null : planPipeline(random, pipelines, { statusId: drawnStatus, activatedAt }, clock);
    // Won and lost opportunities are decided: their chance is 100 or 0 and the ticket is closed.
    const decided = pipeline?.decided ?? false;
    const editor = pipeline && pipeline.history.length > 0 ? random.pick(context.crmUserIds) : null;
    const nextAction = crm ? planNextAction(actions, decided, clock.today) : null;
    const { lastInsertRowid: ticketId } = ticket.run(
      `T-${String(i + 1).padStart(6, '0')}`,
      text.title,
      text.description,
      decided ? 'closed' : random.pick(STATUSES),
      partnerId,
      contactId,
      random.chance(0.85) ? random.pick(context.userIds) : null,
      random.pick(context.userIds),
      crm ? 1 : 0,
      activatedAt,
      pipeline?.statusId ?? null,
      pipeline?.probability ?? null,
      crm && random.chance(0.85) ? random.int(5, 2_000) * 10_000 + (random.chance(0.05) ? random.int(1, 99) : 0) : null,
      crm && random.chance(0.75) ? random.pick(USER_COUNTS) : null,
      pipeline?.expectedClose ?? null,
      pipeline?.lostReasonId ?? null,
      pipeline?.history.at(-1)?.at ?? null,
      editor,
      createdAt,
      updatedAt,
      nextAction?.at ?? null,
      nextAction?.text ?? '',
    );
    for (const entry of pipeline?.history ?? []) change.run(ticketId, entry.field, entry.oldValue, entry.newValue, editor, entry.at);
    if (crm) {
      linkAll(ticketProduct, ticketId, random.sample(lookups.products.ids, random.int(0, 3)));
      linkAll(ticketCampaign, ticketId, random.sample(lookups.campaigns.ids, random.pick([0, 0, 1, 1, 2])));
    }
  });
}

/**
 * The bench user holds at least BENCH_USER_FOLLOWUPS follow-ups (CRM tickets assigned with a next
 * action), or all there are in a small data set: the few missing are taken from other users, spread
 * over the whole range by a multiplicative hash of the id rather than the oldest or newest.
 */
function giveFollowupsToBenchUser(sqlite: BetterSqlite3.Database, userId: number): void {
  const held = sqlite
    .prepare('SELECT count(*) FROM tickets WHERE crm_enabled = 1 AND next_action_at IS NOT NULL AND assignee_id = ?')
    .pluck()
    .get(userId) as number;
  const missing = BENCH_USER_FOLLOWUPS - held;
  if (missing <= 0) return;
  sqlite
    .prepare(
      `UPDATE tickets SET assignee_id = ? WHERE id IN (
         SELECT id FROM tickets WHERE crm_enabled = 1 AND next_action_at IS NOT NULL AND assignee_id IS NOT ?
         ORDER BY (id * 2654435761) % 4294967296 LIMIT ?)`,
    )
    .run(userId, userId, missing);
}
