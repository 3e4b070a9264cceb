// CRM administration of the lookup lists, against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { companySizes, crmTicketStatuses, partners, tickets } from '@/db/schema';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import {
  addLookupEntry,
  deleteLookupEntry,
  moveLookupEntry,
  reorderLookupEntries,
  setLookupEntryArchived,
  updateLookupEntry,
} from '@/lib/lookups/mutations';
import { countEntryUsage, listLookupEntries, lookupOptions } from '@/lib/lookups/queries';
import { addEntrySchema, deleteEntrySchema, updateEntrySchema } from '@/lib/lookups/schemas';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { freshAppDb } from '../support/db';

let db: Db;
let admin: SessionUser;
let crmUser: SessionUser;

const add = (fields: Record<string, string>) => addLookupEntry(db, admin, addEntrySchema('de').parse(fields));
const namesOf = (list: Parameters<typeof listLookupEntries>[2]) => listLookupEntries(db, admin, list).map((entry) => entry.name);

beforeEach(() => {
  db = freshAppDb();
  const adminRow = db.transaction((tx) =>
    insertUserWithDefaults(tx, { email: 'a@example.com', name: 'Alma Admin', passwordHash: 'x', roles: ['crm', 'crm_admin'] }),
  );
  const crmRow = db.transaction((tx) =>
    insertUserWithDefaults(tx, { email: 'c@example.com', name: 'Carl', passwordHash: 'x', roles: ['crm'] }),
  );
  admin = { id: adminRow.id, email: adminRow.email, name: adminRow.name, roles: adminRow.roles, locale: 'de' };
  crmUser = { id: crmRow.id, email: crmRow.email, name: crmRow.name, roles: crmRow.roles, locale: 'de' };
});

describe('adding entries', () => {
  it('appends in order and refuses a duplicate name whatever its case', () => {
    expect(add({ list: 'crmTicketStatuses', name: 'Bedarf ermittelt' })).toMatchObject({ ok: true });
    expect(add({ list: 'crmTicketStatuses', name: 'Angebot erstellt' })).toMatchObject({ ok: true });
    expect(add({ list: 'crmTicketStatuses', name: 'angebot ERSTELLT' })).toMatchObject({ ok: false, error: 'crmAdmin.error.nameTaken' });
    expect(namesOf('crmTicketStatuses')).toEqual(['Bedarf ermittelt', 'Angebot erstellt']);
  });

  it('stores revenue bounds typed in German notation as cents, open-ended when empty', () => {
    expect(add({ list: 'revenueGroups', name: 'Mittel', minEuro: '10.000,00', maxEuro: '49.999,99' })).toMatchObject({ ok: true });
    expect(add({ list: 'revenueGroups', name: 'Groß', minEuro: '50000', maxEuro: '' })).toMatchObject({ ok: true });
    expect(listLookupEntries(db, admin, 'revenueGroups').map(({ minCents, maxCents }) => [minCents, maxCents])).toEqual([
      [1_000_000, 4_999_999],
      [5_000_000, null],
    ]);
  });

  it("reads revenue bounds in the admin's language: English notation for an English admin, ambiguous ones the English way", () => {
    const parsed = addEntrySchema('en').parse({ list: 'revenueGroups', name: 'Medium', minEuro: '13,500.50', maxEuro: '49999,99' });
    expect(parsed.details).toMatchObject({ minCents: 1_350_050, maxCents: 4_999_999 });
    expect(addEntrySchema('en').parse({ list: 'revenueGroups', name: 'Tiny', minEuro: '1.500', maxEuro: '' }).details).toMatchObject({
      minCents: 150,
      maxCents: null,
    });
    expect(addEntrySchema('de').parse({ list: 'revenueGroups', name: 'Klein', minEuro: '1.500', maxEuro: '' }).details).toMatchObject({
      minCents: 150_000,
      maxCents: null,
    });
  });

  it('rejects invalid bounds and dates with a message per field', () => {
    const issues = (fields: Record<string, string>) =>
      Object.fromEntries(
        addEntrySchema('de')
          .safeParse(fields)
          .error!.issues.map((issue) => [issue.path[0], issue.message]),
      );
    expect(issues({ list: 'companySizes', name: 'X', minEmployees: '50', maxEmployees: '10' })).toEqual({
      maxEmployees: 'crmAdmin.error.maxBelowMin',
    });
    expect(issues({ list: 'companySizes', name: 'X', minEmployees: '-1' })).toEqual({ minEmployees: 'crmAdmin.error.wholeNumber' });
    expect(issues({ list: 'revenueGroups', name: 'X', minEuro: 'viel' })).toEqual({ minEuro: 'crmAdmin.error.amount' });
    expect(issues({ list: 'revenueGroups', name: 'X', minEuro: '5,00', maxEuro: '1,00' })).toEqual({
      maxEuro: 'crmAdmin.error.maxBelowMin',
    });
    expect(issues({ list: 'campaigns', name: 'X', startDate: '2026-05-01', endDate: '2026-04-01' })).toEqual({
      endDate: 'crmAdmin.error.endBeforeStart',
    });
    expect(issues({ list: 'campaigns', name: 'X', startDate: '2026-02-30' })).toEqual({ startDate: 'crmAdmin.error.date' });
    expect(issues({ list: 'attributes', name: 'X', appliesTo: 'tickets' })).toEqual({ appliesTo: 'invalid' });
    expect(issues({ list: 'nope', name: '' })).toMatchObject({ list: 'crmAdmin.error.unknownList' });
    expect(issues({ list: 'products', name: 'x'.repeat(101) })).toEqual({ name: 'tooLong' });
  });

  it('refuses overlapping company sizes, naming the overlapped range', () => {
    expect(add({ list: 'companySizes', name: '1–9', minEmployees: '1', maxEmployees: '9' })).toMatchObject({ ok: true });
    expect(add({ list: 'companySizes', name: '500+', minEmployees: '500', maxEmployees: '' })).toMatchObject({ ok: true });
    expect(add({ list: 'companySizes', name: '5–49', minEmployees: '5', maxEmployees: '49' })).toEqual({
      ok: false,
      error: 'crmAdmin.error.overlap',
      params: { name: '1–9', range: '1–9' },
      fieldErrors: { minEmployees: 'crmAdmin.error.overlapShort' },
    });
    expect(add({ list: 'companySizes', name: '1000+', minEmployees: '1000', maxEmployees: '' })).toMatchObject({
      params: { name: '500+', range: '500–∞' },
    });
    expect(add({ list: 'companySizes', name: '10–499', minEmployees: '10', maxEmployees: '499' })).toMatchObject({ ok: true });
    expect(db.select().from(companySizes).all()).toHaveLength(3);
  });
});

describe('editing, archiving, deleting', () => {
  it('edits with the version, refuses a stale save naming who saved, and an overlap with another range', () => {
    add({ list: 'companySizes', name: 'Klein', minEmployees: '1', maxEmployees: '9' });
    add({ list: 'companySizes', name: 'Mittel', minEmployees: '10', maxEmployees: '49' });
    const [small] = listLookupEntries(db, admin, 'companySizes');
    const edit = (version: number, fields: Record<string, string>) =>
      updateLookupEntry(
        db,
        admin,
        updateEntrySchema('de').parse({ list: 'companySizes', id: String(small.id), version: String(version), ...fields }),
      );
    expect(edit(1, { name: 'Kleinst', minEmployees: '0', maxEmployees: '9' })).toEqual({ ok: true, data: undefined });
    expect(edit(1, { name: 'Alt', minEmployees: '0', maxEmployees: '9' })).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Alma Admin',
    });
    expect(edit(2, { name: 'Kleinst', minEmployees: '0', maxEmployees: '10' })).toMatchObject({
      ok: false,
      error: 'crmAdmin.error.overlap',
      params: { name: 'Mittel' },
    });
    expect(namesOf('companySizes')).toEqual(['Kleinst', 'Mittel']);
  });

  it('deletes only unused entries; archived entries leave the pickers but stay on their records', () => {
    add({ list: 'crmTicketStatuses', name: 'Gewonnen' });
    add({ list: 'crmTicketStatuses', name: 'Verloren' });
    const [won, lost] = listLookupEntries(db, admin, 'crmTicketStatuses');
    const partner = db.insert(partners).values({ gpid: 1, name: 'Muster GmbH' }).returning().get();
    db.insert(tickets).values({ number: 'T-1', title: 'Angebot', partnerId: partner.id, crmEnabled: true, crmStatusId: won.id }).run();

    expect(deleteLookupEntry(db, admin, { list: 'crmTicketStatuses', id: won.id, version: 1 })).toEqual({
      ok: false,
      error: 'crmAdmin.error.inUseOne',
      params: { name: 'Gewonnen', count: 1 },
    });
    expect(setLookupEntryArchived(db, admin, { list: 'crmTicketStatuses', id: won.id, version: 1, archived: true })).toMatchObject({
      ok: true,
    });
    expect(lookupOptions(db, crmUser, 'crmTicketStatuses').map((option) => option.name)).toEqual(['Verloren']);
    expect(lookupOptions(db, crmUser, 'crmTicketStatuses', [won.id]).map((option) => option.name)).toEqual(['Gewonnen', 'Verloren']);
    expect(db.select().from(tickets).get()!.crmStatusId).toBe(won.id);

    expect(deleteLookupEntry(db, admin, { list: 'crmTicketStatuses', id: lost.id, version: 1 })).toEqual({ ok: true, data: undefined });
    expect(db.select().from(crmTicketStatuses).where(eq(crmTicketStatuses.id, lost.id)).get()).toBeUndefined();
    expect(deleteLookupEntry(db, admin, { list: 'crmTicketStatuses', id: 9999, version: 1 })).toMatchObject({
      ok: false,
      error: 'notFound',
    });
  });
});

describe('company sizes hold the partners whose employee count falls into them', () => {
  beforeEach(() => {
    add({ list: 'companySizes', name: 'Klein', minEmployees: '1', maxEmployees: '9' });
    add({ list: 'companySizes', name: 'Mittel', minEmployees: '10', maxEmployees: '49' });
    add({ list: 'companySizes', name: 'Groß', minEmployees: '50', maxEmployees: '' });
    add({ list: 'companySizes', name: 'Leer', minEmployees: '0', maxEmployees: '0' });
    [5, 9, 10, null, 200, 1_000_000].forEach((employeeCount, index) => {
      db.insert(partners)
        .values({ gpid: index + 1, name: `Partner ${index}`, employeeCount })
        .run();
    });
  });

  it('counts per range, the open-ended one included, partners without a count in none', () => {
    const usage = listLookupEntries(db, admin, 'companySizes').map((entry) => [entry.name, countEntryUsage(db, 'companySizes', entry.id)]);
    expect(usage).toEqual([
      ['Klein', 2],
      ['Mittel', 1],
      ['Groß', 2],
      ['Leer', 0],
    ]);
  });

  it('deletes a range holding partners only once confirmed; an empty one at once', () => {
    const [small, , , empty] = listLookupEntries(db, admin, 'companySizes');
    const remove = (id: number, fields: Record<string, string> = {}) =>
      deleteLookupEntry(db, admin, deleteEntrySchema.parse({ list: 'companySizes', id: String(id), version: '1', ...fields }));
    expect(remove(small.id)).toEqual({
      ok: false,
      error: 'crmAdmin.error.sizeHoldsPartners',
      params: { name: 'Klein', count: 2 },
      fieldErrors: { confirm: 'crmAdmin.confirmDeleteSize' },
    });
    expect(namesOf('companySizes')).toEqual(['Klein', 'Mittel', 'Groß', 'Leer']);
    expect(remove(small.id, { confirm: '1' })).toEqual({ ok: true, data: undefined });
    expect(remove(empty.id)).toEqual({ ok: true, data: undefined });
    expect(namesOf('companySizes')).toEqual(['Mittel', 'Groß']);
    // The partners themselves stay; they now fall into no range.
    expect(db.select().from(partners).all()).toHaveLength(6);
  });

  it('a confirmation does not delete an entry other records still use', () => {
    add({ list: 'crmTicketStatuses', name: 'Gewonnen' });
    const [won] = listLookupEntries(db, admin, 'crmTicketStatuses');
    db.insert(tickets).values({ number: 'T-1', title: 'Angebot', crmEnabled: true, crmStatusId: won.id }).run();
    const result = deleteLookupEntry(
      db,
      admin,
      deleteEntrySchema.parse({ list: 'crmTicketStatuses', id: String(won.id), version: '1', confirm: '1' }),
    );
    expect(result).toMatchObject({ ok: false, error: 'crmAdmin.error.inUseOne' });
  });
});

describe('reordering', () => {
  beforeEach(() => {
    for (const name of ['A', 'B', 'C']) add({ list: 'products', name });
  });

  it('moves one place with the buttons, and stops at the ends', () => {
    const [a, b, c] = listLookupEntries(db, admin, 'products');
    moveLookupEntry(db, admin, { list: 'products', id: c.id, direction: 'up' });
    expect(namesOf('products')).toEqual(['A', 'C', 'B']);
    moveLookupEntry(db, admin, { list: 'products', id: a.id, direction: 'up' });
    expect(namesOf('products')).toEqual(['A', 'C', 'B']);
    moveLookupEntry(db, admin, { list: 'products', id: b.id, direction: 'down' });
    expect(namesOf('products')).toEqual(['A', 'C', 'B']);
  });

  it('applies a whole order from drag and drop only when it names every entry once', () => {
    const [a, b, c] = listLookupEntries(db, admin, 'products').map((entry) => entry.id);
    expect(reorderLookupEntries(db, admin, { list: 'products', ids: [c, a, b] })).toEqual({ ok: true, data: undefined });
    expect(namesOf('products')).toEqual(['C', 'A', 'B']);
    for (const ids of [
      [c, a],
      [c, a, a],
      [c, a, b, 999],
    ]) {
      expect(reorderLookupEntries(db, admin, { list: 'products', ids })).toMatchObject({ ok: false, error: 'crmAdmin.error.orderChanged' });
    }
    expect(namesOf('products')).toEqual(['C', 'A', 'B']);
  });
});

describe('access', () => {
  it('a crm user without crm_admin cannot change any list, and a plain user cannot read them', () => {
    expect(() => addLookupEntry(db, crmUser, addEntrySchema('de').parse({ list: 'products', name: 'X' }))).toThrow(AccessDenied);
    expect(() => reorderLookupEntries(db, crmUser, { list: 'products', ids: [] })).toThrow(AccessDenied);
    expect(() => listLookupEntries(db, { ...crmUser, roles: [] }, 'products')).toThrow(AccessDenied);
    expect(listLookupEntries(db, crmUser, 'products')).toEqual([]);
  });
});
