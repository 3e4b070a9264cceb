// The demo seed (SPEC section 11) and the benchmark generator produce complete, consistent, repeatable data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { connection, type Db } from '@/db/client';
import {
  attributes,
  campaigns,
  companyGroups,
  companySizes,
  contacts,
  counters,
  crmChanges,
  crmPartnerStatuses,
  crmTicketStatuses,
  dataSources,
  partners,
  products,
  queries,
  revenueGroups,
  tickets,
  users,
} from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { seedDemoData } from '@/db/seed/demo';
import { seedLargeData } from '@/db/seed/large';
import { freshAppDb, scratchDb } from '../support/db';

const NOW = Date.UTC(2026, 5, 15, 9, 0, 0);

const count = (db: Db, table: SQLiteTable) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

function foreignKeyViolations(db: Db): unknown[] {
  return db.all(sql`PRAGMA foreign_key_check`);
}

/** Everything that should come out identical from the same seed, without the salted password hashes. */
function snapshot(db: Db) {
  return {
    users: db.select({ email: users.email, name: users.name, roles: users.roles }).from(users).orderBy(asc(users.id)).all(),
    partners: db.select().from(partners).orderBy(asc(partners.id)).all(),
    contacts: db.select().from(contacts).orderBy(asc(contacts.id)).all(),
    tickets: db.select().from(tickets).orderBy(asc(tickets.id)).all(),
    changes: db.select().from(crmChanges).orderBy(asc(crmChanges.id)).all(),
  };
}

describe('demo seed', () => {
  const first = scratchDb();
  const second = scratchDb();

  beforeAll(async () => {
    await seedDemoData(first.db, { now: NOW });
    await seedDemoData(second.db, { now: NOW });
  });
  afterAll(() => {
    first.close();
    second.close();
  });

  it('creates the three demo users with their roles and the password demo1234', async () => {
    const expected = [
      { email: 'admin@example.com', roles: ['admin', 'crm_admin', 'crm'] },
      { email: 'crm@example.com', roles: ['crm'] },
      { email: 'agent@example.com', roles: [] },
    ];
    for (const { email, roles } of expected) {
      const user = first.db.select().from(users).where(eq(users.email, email)).get();
      expect(user, email).toBeDefined();
      expect([...user!.roles].sort()).toEqual([...roles].sort());
      expect(user!.active).toBe(true);
      expect(await verifyPassword(user!.passwordHash, 'demo1234')).toBe(true);
      expect(await verifyPassword(user!.passwordHash, 'wrong-password')).toBe(false);
    }
  });

  it('gives every user the four default ticket board queries', () => {
    const perUser = first.db
      .select({ ownerId: users.id, names: sql<string>`group_concat(${queries.name}, '|')` })
      .from(users)
      .leftJoin(queries, eq(queries.ownerId, users.id))
      .groupBy(users.id)
      .all();
    expect(perUser.length).toBeGreaterThanOrEqual(3);
    for (const row of perUser) expect(row.names.split('|').sort()).toEqual(['Geparkt', 'Geschlossen', 'In Bearbeitung', 'Offen']);
  });

  it('fills about 40 partners, 100 contacts and 300 tickets, about half of them CRM-enabled', () => {
    const { db } = first;
    expect(count(db, partners)).toBeGreaterThanOrEqual(35);
    expect(count(db, partners)).toBeLessThanOrEqual(45);
    expect(count(db, contacts)).toBeGreaterThanOrEqual(80);
    expect(count(db, contacts)).toBeLessThanOrEqual(120);
    expect(count(db, tickets)).toBe(300);
    const crmEnabled = db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(eq(tickets.crmEnabled, true))
      .get()!.n;
    expect(crmEnabled).toBeGreaterThanOrEqual(120);
    expect(crmEnabled).toBeLessThanOrEqual(180);
    expect(db.select({ n: tickets.number }).from(tickets).orderBy(asc(tickets.number)).limit(1).get()!.n).toBe('T-000001');
    expect(db.select().from(counters).orderBy(asc(counters.name)).all()).toEqual([
      {
        name: 'gpid',
        value: db
          .select({ max: sql<number>`max(${partners.gpid})` })
          .from(partners)
          .get()!.max,
      },
      { name: 'ticket', value: 300 },
    ]);
  });

  it('fills every lookup list, with the CRM statuses of the spec', () => {
    const { db } = first;
    for (const table of [
      crmTicketStatuses,
      crmPartnerStatuses,
      companySizes,
      revenueGroups,
      companyGroups,
      dataSources,
      campaigns,
      products,
      attributes,
    ]) {
      expect(count(db, table)).toBeGreaterThan(0);
    }
    const statusNames = db
      .select({ name: crmTicketStatuses.name })
      .from(crmTicketStatuses)
      .all()
      .map((row) => row.name);
    expect(statusNames).toEqual(
      expect.arrayContaining(['Bedarf ermittelt', 'Informationen zugesandt', 'Angebot erstellt', 'Gewonnen', 'Verloren']),
    );
  });

  it('defines company sizes that do not overlap', () => {
    const sizes = first.db.select().from(companySizes).orderBy(asc(companySizes.minEmployees)).all();
    sizes.forEach((size, i) => {
      if (size.maxEmployees !== null) expect(size.maxEmployees).toBeGreaterThanOrEqual(size.minEmployees);
      if (i > 0) {
        const previous = sizes[i - 1];
        expect(previous.maxEmployees).not.toBeNull();
        expect(previous.maxEmployees!).toBeLessThan(size.minEmployees);
      }
    });
    expect(sizes.at(-1)!.maxEmployees).toBeNull();
  });

  it('links every ticket to a partner or a contact, and a contact to its own partner', () => {
    const rows = first.db
      .select({ partnerId: tickets.partnerId, contactId: tickets.contactId, contactPartnerId: contacts.partnerId })
      .from(tickets)
      .leftJoin(contacts, eq(contacts.id, tickets.contactId))
      .all();
    for (const row of rows) {
      expect(row.partnerId !== null || row.contactId !== null).toBe(true);
      if (row.partnerId !== null && row.contactId !== null) expect(row.contactPartnerId).toBe(row.partnerId);
    }
  });

  it('records some CRM history and leaves no foreign key violations', () => {
    expect(count(first.db, crmChanges)).toBeGreaterThan(0);
    expect(foreignKeyViolations(first.db)).toEqual([]);
  });

  it('stamps the CRM data of each record with its newest history entry, and nothing else', () => {
    for (const [entity, table] of [
      ['ticket', tickets],
      ['partner', partners],
    ] as const) {
      const newest = new Map<number, { at: number; userId: number | null }>();
      for (const change of first.db
        .select()
        .from(crmChanges)
        .where(eq(crmChanges.entity, entity))
        .orderBy(asc(crmChanges.at), asc(crmChanges.id))
        .all()) {
        newest.set(change.entityId, { at: change.at.getTime(), userId: change.userId });
      }
      const rows = first.db.select({ id: table.id, at: table.crmUpdatedAt, by: table.crmUpdatedById }).from(table).all();
      const stamped = rows.filter((row) => row.at !== null);
      expect(stamped.length, entity).toBe(newest.size);
      for (const row of rows) {
        const expected = newest.get(row.id);
        expect({ at: row.at?.getTime() ?? null, by: row.by }, `${entity} ${row.id}`).toEqual({
          at: expected?.at ?? null,
          by: expected?.userId ?? null,
        });
      }
    }
  });

  it('produces the same data from the same seed', () => {
    expect(snapshot(second.db)).toEqual(snapshot(first.db));
  });
});

describe('large data generator', () => {
  it('fills the requested numbers of partners and tickets, about half CRM-enabled', async () => {
    const db = freshAppDb();
    await seedLargeData(db, connection().sqlite, { partners: 200, tickets: 2_000 });
    expect(count(db, partners)).toBe(200);
    expect(count(db, tickets)).toBe(2_000);
    expect(count(db, contacts)).toBeGreaterThanOrEqual(300);
    expect(count(db, contacts)).toBeLessThanOrEqual(500);
    const crmEnabled = db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(eq(tickets.crmEnabled, true))
      .get()!.n;
    expect(crmEnabled).toBeGreaterThanOrEqual(850);
    expect(crmEnabled).toBeLessThanOrEqual(1_150);
    const demoUser = db.select().from(users).where(eq(users.email, 'admin@example.com')).get()!;
    expect(await verifyPassword(demoUser.passwordHash, 'demo1234')).toBe(true);
    const orphans = db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(sql`${tickets.partnerId} is null and ${tickets.contactId} is null`)
      .get()!.n;
    expect(orphans).toBe(0);
    expect(db.select().from(counters).orderBy(asc(counters.name)).all()).toEqual([
      { name: 'gpid', value: 10_200 },
      { name: 'ticket', value: 2_000 },
    ]);
    expect(foreignKeyViolations(db)).toEqual([]);
  });
});
