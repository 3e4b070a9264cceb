// The child process of tests/integration/crash-safety.test.ts: writes to the database at DATABASE_PATH
// through the application's own mutations, in a seeded order, until it is killed. Before each call it
// reports the whole intended write (`begin`), after the call returned ok what was committed (`commit`),
// each as one synchronous write to stdout, so a report never runs ahead of the commit.
import fs from 'node:fs';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, contacts, crmTicketStatuses, lostReasons, products, queries, tickets, users } from '@/db/schema';
import { createRandom } from '@/db/seed/random';
import type { SessionUser } from '@/lib/auth/guards';
import { updateContact } from '@/lib/contacts/mutations';
import { readPartnerCrm } from '@/lib/crm/partners/queries';
import { savePartnerCrm } from '@/lib/crm/partners/mutations';
import { readTicketCrm } from '@/lib/crm/tickets/queries';
import { formValues } from '@/lib/crm/record/fields';
import { saveTicketCrm } from '@/lib/crm/tickets/mutations';
import { reorderLookupEntries } from '@/lib/lookups/mutations';
import { readEntries } from '@/lib/lookups/queries';
import { createPartner } from '@/lib/partners/mutations';
import type { MutationResult } from '@/lib/result';
import { reorderQueries } from '@/lib/ticketboard/mutations';
import { createTicket } from '@/lib/tickets/mutations';
import type { CrashLine, CrashOp, CrashOpKind, CrashResult, PartnerCrmValues, TicketCrmValues } from './crash-ops';

const round = Number(process.env.CRASH_ROUND ?? 0);
const random = createRandom(7_919 * (round + 1));
const db = getDb();

function report(line: CrashLine): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
  for (let written = 0; written < bytes.length;) {
    try {
      written += fs.writeSync(1, bytes, written);
    } catch (error) {
      // A full non-blocking pipe: the test reads on, so try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

// ---------------------------------------------------------------- what the writer works on

const adminRow = db.select().from(users).where(eq(users.email, 'admin@example.com')).get();
if (!adminRow) throw new Error('The crash writer needs the demo data (admin@example.com)');
const admin: SessionUser = { id: adminRow.id, email: adminRow.email, name: adminRow.name, roles: adminRow.roles, locale: adminRow.locale };

// Small pools, so that saves chain versions on the same records across rounds.
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
const crmTicketIds = ids(
  db.select({ id: tickets.id }).from(tickets).where(eq(tickets.crmEnabled, true)).orderBy(asc(tickets.id)).limit(6).all(),
);
const contactIds = ids(db.select({ id: contacts.id }).from(contacts).orderBy(asc(contacts.id)).limit(6).all());
const crmPartnerIds = [
  ...new Set(
    db
      .select({ partnerId: contacts.partnerId })
      .from(contacts)
      .orderBy(asc(contacts.id))
      .all()
      .map((row) => row.partnerId),
  ),
]
  .filter((id): id is number => id !== null)
  .slice(0, 4);
const ticketLinks = db
  .select({ contactId: contacts.id, partnerId: contacts.partnerId })
  .from(contacts)
  .orderBy(asc(contacts.id))
  .limit(20)
  .all()
  .filter((link): link is { contactId: number; partnerId: number } => link.partnerId !== null);

type Lookup = typeof campaigns | typeof products | typeof crmTicketStatuses | typeof lostReasons;

const sortedNames = (table: Lookup, chosen: readonly number[]): string[] =>
  chosen.length === 0
    ? []
    : db
        .select({ name: table.name })
        .from(table)
        .where(inArray(table.id, [...chosen]))
        .all()
        .map((row) => row.name)
        .sort();

const phaseOf = (statusId: number) =>
  db.select({ phase: crmTicketStatuses.phase }).from(crmTicketStatuses).where(eq(crmTicketStatuses.id, statusId)).get()?.phase;
const activeEntries = (table: Lookup) => db.select({ id: table.id, name: table.name }).from(table).where(eq(table.archived, false)).all();

const statusName = (id: number | null) => (id === null ? null : sortedNames(crmTicketStatuses, [id])[0]);
const reasonName = (id: number | null) => (id === null ? null : sortedNames(lostReasons, [id])[0]);

/** A different order of the same ids (never the same one, so a committed reorder is visible). */
function shuffled(current: number[]): number[] {
  const next = random.sample(current, current.length);
  return next.every((id, index) => id === current[index]) ? [...current].reverse() : next;
}

// ---------------------------------------------------------------- one write of each kind

type Prepared = { op: CrashOp; run: () => MutationResult<CrashResult | undefined> };

function prepare(kind: CrashOpKind, token: string, seq: number): Prepared {
  switch (kind) {
    case 'createTicket': {
      const link = random.pick(ticketLinks);
      const title = `Absturztest ${token}`;
      return {
        op: { kind, title, ...link },
        run: () =>
          createTicket(db, admin, { title, description: `Geschrieben in Runde ${round}`, status: 'open', ...link, assigneeId: admin.id }),
      };
    }
    case 'saveTicketCrm': {
      const ticketId = random.pick(crmTicketIds);
      const current = readTicketCrm(db, ticketId)!;
      const status = random.chance(0.2) ? null : random.pick(activeEntries(crmTicketStatuses));
      const chosenCampaigns = random.sample(activeEntries(campaigns), random.int(0, 2));
      const chosenProducts = random.sample(activeEntries(products), random.int(0, 3));
      const newProducts = random.chance(0.15) ? [`Absturzprodukt ${token}`] : [];
      // Unique per write (and above every demo value): the history always has a row for it.
      const potentialCents = 1_000_000_000 + round * 100_000 + seq;
      const probability = random.chance(0.1) ? null : random.int(0, 100);
      const expectedUsers = random.chance(0.2) ? null : random.int(1, 500);
      // A Verlustgrund goes with a lost status only (lib/crm/tickets/lost-reason.ts): cleared with another.
      const lostReasonId = status && phaseOf(status.id) === 'lost' ? current.lostReasonId : null;
      const before: TicketCrmValues = {
        crmStatus: statusName(current.crmStatusId),
        lostReason: reasonName(current.lostReasonId),
        probability: current.probability,
        potentialCents: current.potentialCents,
        expectedUsers: current.expectedUsers,
        campaigns: sortedNames(campaigns, current.campaignIds),
        products: sortedNames(products, current.productIds),
      };
      const after: TicketCrmValues = {
        crmStatus: status?.name ?? null,
        lostReason: reasonName(lostReasonId),
        probability,
        potentialCents,
        expectedUsers,
        campaigns: chosenCampaigns.map((entry) => entry.name).sort(),
        products: [...chosenProducts.map((entry) => entry.name), ...newProducts].sort(),
      };
      // The form as shown, with the values this writer chooses: properties it does not track keep theirs.
      const input = {
        ...formValues('ticket', current),
        id: ticketId,
        crmVersion: current.crmVersion,
        crmStatusId: status?.id ?? null,
        lostReasonId,
        probability,
        potential: potentialCents,
        expectedUsers,
        campaigns: ids(chosenCampaigns),
        products: ids(chosenProducts),
        newCampaigns: [],
        newProducts,
      };
      return {
        op: { kind, ticketId, fromVersion: current.crmVersion, before, after, newProducts },
        run: () => saveTicketCrm(db, admin, input),
      };
    }
    case 'createPartner': {
      const name = `Absturz GmbH ${token}`;
      const city = random.pick(['Berlin', 'Hamburg', 'München', 'Köln']);
      const input = {
        name,
        name2: '',
        searchName: '',
        street: '',
        postcode: '',
        city,
        country: 'DE',
        phone: '',
        email: '',
        website: '',
        force: true,
      };
      return {
        op: { kind, name, city },
        run: () => {
          const result = createPartner(db, admin, input);
          return result.ok ? { ok: true, data: { id: result.data.id, gpid: result.data.gpid } } : result;
        },
      };
    }
    case 'savePartnerCrm': {
      const partnerId = random.pick(crmPartnerIds);
      const current = readPartnerCrm(db, partnerId)!;
      const chosenCampaigns = random.sample(activeEntries(campaigns), random.int(0, 2));
      const chosenProducts = random.sample(activeEntries(products), random.int(0, 3));
      const before: PartnerCrmValues = {
        newsletter: current.newsletter,
        comment1: current.comment1,
        campaigns: sortedNames(campaigns, current.campaignIds),
        products: sortedNames(products, current.productIds),
      };
      const after: PartnerCrmValues = {
        newsletter: random.chance(0.5),
        comment1: `Notiz ${token}`,
        campaigns: chosenCampaigns.map((entry) => entry.name).sort(),
        products: chosenProducts.map((entry) => entry.name).sort(),
      };
      const input = {
        ...formValues('partner', current),
        id: partnerId,
        crmVersion: current.crmVersion,
        newsletter: after.newsletter,
        comment1: after.comment1,
        campaigns: ids(chosenCampaigns),
        products: ids(chosenProducts),
        newCampaigns: [],
        newProducts: [],
      };
      return { op: { kind, partnerId, fromVersion: current.crmVersion, before, after }, run: () => savePartnerCrm(db, admin, input) };
    }
    case 'updateContact': {
      const contactId = random.pick(contactIds);
      const current = db.select().from(contacts).where(eq(contacts.id, contactId)).get()!;
      const after = { phone: `+49 30 ${round}${String(seq).padStart(6, '0')}`, position: `Einkauf ${token}` };
      const input = { ...current, salutation: current.salutation as '' | 'Herr' | 'Frau' | 'Divers', ...after };
      return {
        op: { kind, contactId, fromVersion: current.version, before: { phone: current.phone, position: current.position }, after },
        run: () => updateContact(db, admin, input),
      };
    }
    case 'reorderQueries': {
      const fromIds = ids(
        db
          .select({ id: queries.id })
          .from(queries)
          .where(eq(queries.ownerId, admin.id))
          .orderBy(asc(queries.position), asc(queries.id))
          .all(),
      );
      const next = shuffled(fromIds);
      return { op: { kind, ownerId: admin.id, fromIds, ids: next }, run: () => reorderQueries(db, admin, { ids: next }) };
    }
    case 'reorderStatuses': {
      const fromIds = ids(readEntries(db, 'crmTicketStatuses'));
      const next = shuffled(fromIds);
      return { op: { kind, fromIds, ids: next }, run: () => reorderLookupEntries(db, admin, { list: 'crmTicketStatuses', ids: next }) };
    }
  }
}

/** How often each write comes up: mostly the multi-row CRM saves. */
const MIX: CrashOpKind[] = [
  ...Array<CrashOpKind>(6).fill('saveTicketCrm'),
  ...Array<CrashOpKind>(4).fill('createTicket'),
  ...Array<CrashOpKind>(3).fill('savePartnerCrm'),
  ...Array<CrashOpKind>(3).fill('updateContact'),
  ...Array<CrashOpKind>(2).fill('createPartner'),
  'reorderQueries',
  'reorderStatuses',
];

report({ type: 'ready', pid: process.pid });
for (let seq = 1; ; seq++) {
  const { op, run } = prepare(random.pick(MIX), `r${round}-${seq}`, seq);
  report({ type: 'begin', seq, op });
  const result = run();
  if (!result.ok) throw new Error(`${op.kind} was refused: ${JSON.stringify(result)}`);
  report({ type: 'commit', seq, result: result.data });
}
