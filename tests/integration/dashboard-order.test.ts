// One group order (SPEC sections 8, 10 and 19): German, numbers by value, ties by id, the same on
// the page, in the JSON and in both CSV dialects, for every grouping key.
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { partners, ticketCampaigns, ticketProducts, tickets, users } from '@/db/schema';
import { seedLookups, type SeededLookups } from '@/db/seed/lookups';
import type { SessionUser } from '@/lib/auth/guards';
import { dashboardJson, type JsonGroup } from '@/lib/crm/dashboard/api';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { GROUP_KEYS, parseDashboardParams, type GroupKey } from '@/lib/crm/dashboard/params';
import { leafTicketIds, pathKey, summariseDashboard } from '@/lib/crm/dashboard/queries';
import type { GroupNode } from '@/lib/crm/dashboard/tree';
import { translator } from '@/lib/i18n';
import { listPartners } from '@/lib/partners/queries';
import { createPartner } from '@/lib/partners/mutations';
import { createPartnerSchema, DEFAULT_PARTNER_LIST_PARAMS } from '@/lib/partners/schemas';
import { listUsers } from '@/lib/users/queries';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { freshAppDb } from '../support/db';

const NAMES = ['Zander', 'Partner 10', 'Bäcker', 'Doppel', 'Partner 9', 'Ärzte AG', 'Doppel', 'Öko Partner', 'abend'];
const GERMAN_ORDER = ['abend', 'Ärzte AG', 'Bäcker', 'Doppel', 'Doppel', 'Öko Partner', 'Partner 9', 'Partner 10', 'Zander'];

let db: Db;
let user: SessionUser;
let partnerIds: number[];
let userIds: number[];
const t = translator('de');

beforeAll(() => {
  db = freshAppDb();
  const lookups: SeededLookups = seedLookups(db);
  const crm = insertUserWithDefaults(db, { email: 'order-crm@example.com', name: 'Zz Leser', passwordHash: '!', roles: ['crm'] });
  user = { id: crm.id, email: crm.email, name: crm.name, roles: crm.roles, locale: 'de' };
  // Through the mutations, so the sort keys come from where every write sets them.
  partnerIds = NAMES.map((name) => {
    const result = createPartner(db, { id: crm.id, roles: crm.roles }, createPartnerSchema.parse({ name, force: 'on' }));
    if (!result.ok) throw new Error(result.error);
    return result.data.id;
  });
  userIds = NAMES.map(
    (name, index) => insertUserWithDefaults(db, { email: `order-${index}@example.com`, name, passwordHash: '!', roles: [] }).id,
  );
  const pick = <T>(list: T[], index: number) => list[index % list.length];
  partnerIds.forEach((partnerId, index) => {
    db.update(partners)
      .set({
        companyGroupId: pick(lookups.companyGroups.ids, index),
        revenueGroupId: index % 4 === 0 ? null : pick(lookups.revenueGroups.ids, index),
        crmPartnerStatusId: pick(lookups.crmPartnerStatuses.ids, index),
        dataSourceId: pick(lookups.dataSources.ids, index + 1),
        employeeCount: index * 37,
      })
      .where(eq(partners.id, partnerId))
      .run();
  });
  // Two tickets per partner and per user, with potentials that would interleave groups if the
  // export sorted by potential before the group.
  let number = 0;
  for (let round = 0; round < 2; round++) {
    partnerIds.forEach((partnerId, index) => {
      number += 1;
      const ticket = db
        .insert(tickets)
        .values({
          number: `T-${String(number).padStart(6, '0')}`,
          title: `Order ${number}`,
          status: pick(['open', 'in_progress', 'parked', 'closed'] as const, number),
          partnerId,
          assigneeId: pick(userIds, index + round * 3),
          crmEnabled: true,
          crmStatusId: number % 5 === 0 ? null : pick(lookups.crmTicketStatuses.ids, number),
          potentialCents: (number % 7) * 100_000,
          probability: 50,
          expectedUsers: number,
          // Months across a year end, so chronological order differs from any other.
          expectedClose: number % 6 === 0 ? null : `${2026 + (number % 2)}-${String(((number * 5) % 12) + 1).padStart(2, '0')}-15`,
          lostReasonId: number % 4 === 0 ? null : pick(lookups.lostReasons.ids, number),
          // Overdue, planned or none: the Nächste Aktion groups in their fixed order.
          nextActionAt: pick(['2020-01-15', '2999-01-15', null], number),
        })
        .returning({ id: tickets.id })
        .get();
      db.insert(ticketProducts)
        .values({ ticketId: ticket.id, productId: pick(lookups.products.ids, number) })
        .run();
      if (number % 3 === 0)
        db.insert(ticketProducts)
          .values({ ticketId: ticket.id, productId: pick(lookups.products.ids, number + 2) })
          .run();
      if (number % 2 === 0)
        db.insert(ticketCampaigns)
          .values({ ticketId: ticket.id, campaignId: pick(lookups.campaigns.ids, number) })
          .run();
    });
  }
});

async function exportRows(query: string, dialect: 'excel' | 'rfc4180'): Promise<string[][]> {
  const stream = dashboardExportStream(user, parseDashboardParams(new URLSearchParams(query)).params, dialect);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true, delimiter: dialect === 'excel' ? ';' : ',' });
  return parsed.data.slice(1);
}

/** Each ticket number → the position of the first page group holding it (a ticket with two products is in two). */
function groupIndexOfTicket(groups: GroupNode[], leaves: Map<string, number[]>, numbers: Map<number, string>): Map<string, number> {
  const index = new Map<string, number>();
  groups.forEach((group, position) => {
    for (const id of leaves.get(pathKey([group.id])) ?? []) {
      const number = numbers.get(id)!;
      if (!index.has(number)) index.set(number, position);
    }
  });
  return index;
}

const jsonOrder = (groups: JsonGroup[]) => groups.map((group) => [group.id, group.label]);

describe('the group order of page, JSON and CSV', () => {
  it.each(GROUP_KEYS.map((key) => [key]))('agrees for groupBy=%s', async (key: GroupKey) => {
    const query = `groupBy=${key}`;
    const params = parseDashboardParams(new URLSearchParams(query)).params;
    const page = summariseDashboard(db, user, params, t).groups;
    expect(page.length).toBeGreaterThan(1);
    const json = dashboardJson(db, { user, params });
    expect(jsonOrder(json.groups)).toEqual(page.map((group) => [group.id, group.label]));

    const numbers = new Map(
      db
        .select({ id: tickets.id, number: tickets.number })
        .from(tickets)
        .all()
        .map((row) => [row.id, row.number]),
    );
    const groupOf = groupIndexOfTicket(page, leafTicketIds(db, user, params), numbers);
    for (const dialect of ['excel', 'rfc4180'] as const) {
      const rows = await exportRows(query, dialect);
      expect(rows).toHaveLength(numbers.size);
      // Rows follow the page's groups: never back to an earlier group, never interleaved.
      const positions = rows.map((row) => groupOf.get(row[1])!);
      expect(positions, dialect).toEqual([...positions].sort((a, b) => a - b));
      // The leading column names the group the row belongs to (multi-valued: all of its values).
      for (const [row, position] of rows.map((row, index) => [row, positions[index]] as const)) {
        expect(row[0].split(', '), dialect).toContain(page[position].label);
      }
    }
  });

  it.each([['partner'], ['assignee']])('puts %s groups in German order, numbers by value, namesakes by id', (key) => {
    const params = parseDashboardParams(new URLSearchParams(`groupBy=${key}`)).params;
    const groups = summariseDashboard(db, user, params, t).groups;
    const ids = key === 'partner' ? partnerIds : userIds;
    const named = groups.filter((group) => ids.includes(group.id as number));
    expect(named.map((group) => group.label)).toEqual(GERMAN_ORDER);
    const namesakes = named.filter((group) => group.label === 'Doppel').map((group) => group.id as number);
    expect(namesakes).toEqual([...namesakes].sort((a, b) => a - b));
  });
});

describe('lists sorted by name', () => {
  it('lists partners and users in the same German order', () => {
    const listed = listPartners(db, DEFAULT_PARTNER_LIST_PARAMS, { limit: 100, offset: 0 }).rows.map((row) => row.name);
    expect(listed).toEqual(GERMAN_ORDER);
    const people = listUsers(db, { id: user.id, roles: ['admin'] })
      .filter((row) => userIds.includes(row.id))
      .map((row) => row.name);
    expect(people).toEqual(GERMAN_ORDER);
  });
});

describe('users table', () => {
  it('stores a sort key for every user written through the data layer', () => {
    expect(
      db
        .select({ sortName: users.sortName })
        .from(users)
        .all()
        .every((row) => row.sortName !== null),
    ).toBe(true);
  });
});
