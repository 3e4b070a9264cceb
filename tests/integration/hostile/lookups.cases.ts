// Hostile-input cases of the CRM administration: the lookup lists (SPEC section 7).
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ATTRIBUTE_TARGETS, PHASES } from '@/db/schema';
import { LOOKUP_LIST_KEYS, LOOKUP_LISTS, type LookupListKey } from '@/lib/lookups/lists';
import { readEntries, type LookupEntry } from '@/lib/lookups/queries';
import { parseEuroToCents } from '@/lib/money';
import type { Fixture } from '../../support/hostile-fixture';
import { expectStoredText, type HostileCase } from '../../support/hostile-actions';
import { expectId, type Fields, type Sent } from '../../support/hostile-form';

const ADMIN = 'app/(app)/admin/crm/actions.ts';

const NO_DETAILS = { minEmployees: '', maxEmployees: '', minEuro: '', maxEuro: '', startDate: '', endDate: '', appliesTo: '' };

const id = (fx: Fixture, list: LookupListKey, name: string) => String(fx.lookups[list].byName.get(name));

/** One valid entry per kind of list: plain, employee range, euro range, campaign dates, Merkmal target. */
function entryForms(fx: Fixture, withId: boolean): Fields[] {
  const existing = (list: LookupListKey, name: string): Fields => (withId ? { id: id(fx, list, name), version: '1' } : {});
  return [
    { ...NO_DETAILS, list: 'products', name: 'Schulung Plus', ...existing('products', 'Schulung') },
    // 0–0 overlaps no seeded range; renaming 1–9 keeps its own range.
    withId
      ? {
          ...NO_DETAILS,
          list: 'companySizes',
          name: 'Kleinstbetrieb',
          minEmployees: '1',
          maxEmployees: '9',
          ...existing('companySizes', '1–9 Mitarbeitende'),
        }
      : { ...NO_DETAILS, list: 'companySizes', name: 'Ohne Mitarbeitende', minEmployees: '0', maxEmployees: '0' },
    {
      ...NO_DETAILS,
      list: 'revenueGroups',
      name: 'bis 9.999 €',
      minEuro: '0',
      maxEuro: '9.999,99',
      ...existing('revenueGroups', 'bis 10.000 €'),
    },
    {
      ...NO_DETAILS,
      list: 'campaigns',
      name: 'Sommerfest 2026',
      startDate: '2026-07-01',
      endDate: '2026-07-31',
      ...existing('campaigns', 'Cloud-Migration'),
    },
    { ...NO_DETAILS, list: 'attributes', name: 'Newsletter-Leser', appliesTo: 'contact', ...existing('attributes', 'VIP') },
    {
      ...NO_DETAILS,
      list: 'crmTicketStatuses',
      name: 'Vertrag verlängert',
      phase: 'won',
      color: '#2E8540',
      ...existing('crmTicketStatuses', 'Gewonnen'),
    },
  ];
}

const ENTRY_EXTRA = {
  list: LOOKUP_LIST_KEYS,
  minEmployees: ['10000000', '10000001', '1.000', '999999999', '1000000000'],
  maxEmployees: ['0', '10000000', '10000001'],
  minEuro: ['1.000,5', '12.500,00 €', '-5', '0,001', '100000000000,00'],
  maxEuro: ['9.999,99', '1,00', '-1'],
  startDate: ['2026-02-30', '2026-02-28', '2026-1-1', '99999-01-01', '2026-07-31'],
  endDate: ['2026-06-30', '2026-13-01', '2024-02-29', '2023-02-29'],
  appliesTo: [...ATTRIBUTE_TARGETS, 'PARTNER'],
  phase: [...PHASES, '', 'WON', 'closed'],
  color: ['#c0392b', '#FFF', 'red', '#12345g', ''],
  noColor: ['on', ''],
};

/** The entry as typed: the trimmed name, unique in its list, and the details its kind reads. */
function expectEntry(fx: Fixture, list: LookupListKey, entry: LookupEntry | undefined, sent: Sent): void {
  expect(entry).toBeDefined();
  expectStoredText(entry!.name, sent.one('name'), { max: 100 });
  const { table } = LOOKUP_LISTS[list];
  const sameName = fx.db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(sql`lower(${table.name}) = lower(${entry!.name})`)
    .get()!.n;
  expect(sameName, 'two entries of one name').toBe(1);
  const text = (field: string) => (sent.one(field) ?? '').trim();
  switch (LOOKUP_LISTS[list].kind) {
    case 'employees': {
      expect(text('minEmployees')).toMatch(/^\d{1,9}$/);
      expect(entry!.minEmployees).toBe(Number(text('minEmployees')));
      expect(entry!.maxEmployees).toBe(text('maxEmployees') === '' ? null : Number(text('maxEmployees')));
      expect(entry!.minEmployees!).toBeLessThanOrEqual(Math.min(entry!.maxEmployees ?? 10_000_000, 10_000_000));
      // No two ranges overlap.
      const others = readEntries(fx.db, 'companySizes').filter((other) => other.id !== entry!.id);
      for (const other of others) {
        const apart =
          (other.maxEmployees !== null && other.maxEmployees! < entry!.minEmployees!) ||
          (entry!.maxEmployees !== null && entry!.maxEmployees! < other.minEmployees!);
        expect(apart, `${entry!.name} overlaps ${other.name}`).toBe(true);
      }
      break;
    }
    case 'cents':
      expect(entry!.minCents).toBe(parseEuroToCents(text('minEuro'), 'de'));
      expect(entry!.maxCents).toBe(text('maxEuro') === '' ? null : parseEuroToCents(text('maxEuro'), 'de'));
      expect(entry!.minCents!).toBeGreaterThanOrEqual(0);
      expect(entry!.minCents!).toBeLessThanOrEqual(entry!.maxCents ?? Number.MAX_SAFE_INTEGER);
      break;
    case 'campaign':
      expect(entry!.startDate).toBe(text('startDate') || null);
      expect(entry!.endDate).toBe(text('endDate') || null);
      for (const date of [entry!.startDate, entry!.endDate]) {
        if (date !== null) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }
      if (entry!.startDate && entry!.endDate) expect(entry!.startDate <= entry!.endDate).toBe(true);
      break;
    case 'attribute':
      expect(entry!.appliesTo).toBe(text('appliesTo'));
      break;
    case 'status': {
      // An absent phase or colour keeps the stored one (a new entry: open, none); "keine Farbe" wins.
      const phase = sent.one('phase');
      if (phase !== undefined) expect(entry!.phase).toBe(phase);
      expect(PHASES).toContain(entry!.phase);
      const color = text('color');
      if (sent.one('noColor') || (sent.one('color') !== undefined && color === '')) expect(entry!.color).toBeNull();
      else if (sent.one('color') !== undefined) expect(entry!.color).toBe(color.toLowerCase());
      if (entry!.color !== null) expect(entry!.color).toMatch(/^#[0-9a-f]{6}$/);
      break;
    }
    case 'plain':
      break;
  }
}

const listOf = (sent: Sent) => sent.one('list') as LookupListKey;
const entryOf = (fx: Fixture, list: LookupListKey, entryId: number) => readEntries(fx.db, list).find((entry) => entry.id === entryId);

/** Every list's ids in admin order, as seeded. */
const seededOrders = (fx: Fixture) =>
  Object.fromEntries(LOOKUP_LIST_KEYS.map((list) => [list, readEntries(fx.db, list).map((entry) => entry.id)]));

function expectPositionsContiguous(fx: Fixture, list: LookupListKey): number[] {
  const entries = readEntries(fx.db, list);
  expect(entries.map((entry) => entry.position)).toEqual(entries.map((_, index) => index));
  return entries.map((entry) => entry.id);
}

export const LOOKUP_CASES: Record<string, HostileCase> = {
  [`${ADMIN}#addEntryAction`]: {
    base: (fx) => entryForms(fx, false),
    extra: ENTRY_EXTRA,
    seeded: seededOrders,
    accepted: ({ fx, sent, seeded }) => {
      const list = listOf(sent);
      const before = (seeded as Record<LookupListKey, number[]>)[list];
      const entries = readEntries(fx.db, list);
      const added = entries.filter((entry) => !before.includes(entry.id));
      expect(added).toHaveLength(1);
      expectEntry(fx, list, added[0], sent);
      expect(added[0].archived).toBe(false);
      expect(entries.at(-1)!.id, 'a new entry goes to the end of its list').toBe(added[0].id);
    },
  },
  [`${ADMIN}#updateEntryAction`]: {
    base: (fx) => entryForms(fx, true),
    extra: ENTRY_EXTRA,
    accepted: ({ fx, sent }) => {
      const list = listOf(sent);
      const entry = entryOf(fx, list, expectId(sent.one('id')));
      expectEntry(fx, list, entry, sent);
      expect(entry!.version).toBe(2);
    },
  },
  [`${ADMIN}#archiveEntryAction`]: {
    base: (fx) => [
      { list: 'products', id: id(fx, 'products', 'Schulung'), version: '1', archived: 'true' },
      { list: 'crmTicketStatuses', id: String(fx.archived.crmTicketStatuses), version: '1', archived: 'false' },
    ],
    extra: { list: LOOKUP_LIST_KEYS },
    accepted: ({ fx, sent }) => {
      const entry = entryOf(fx, listOf(sent), expectId(sent.one('id')));
      expect(entry!.archived).toBe(sent.one('archived') === 'true');
      expect(entry!.version).toBe(2);
    },
  },
  [`${ADMIN}#deleteEntryAction`]: {
    base: (fx) => [
      { list: 'products', id: id(fx, 'products', 'Schnittstellenpaket'), version: '1' },
      { list: 'companySizes', id: id(fx, 'companySizes', '1000 und mehr'), version: '1' },
    ],
    extra: { list: LOOKUP_LIST_KEYS },
    accepted: ({ fx, sent }) => {
      expect(entryOf(fx, listOf(sent), expectId(sent.one('id')))).toBeUndefined();
    },
  },
  [`${ADMIN}#moveEntryAction`]: {
    base: (fx) => [
      { list: 'products', id: id(fx, 'products', 'Schulung'), direction: 'up' },
      { list: 'crmTicketStatuses', id: String(fx.archived.crmTicketStatuses), direction: 'down' },
    ],
    extra: { list: LOOKUP_LIST_KEYS },
    seeded: seededOrders,
    accepted: ({ fx, sent, seeded }) => {
      const list = listOf(sent);
      const moved = expectId(sent.one('id'));
      const before = (seeded as Record<LookupListKey, number[]>)[list];
      const after = expectPositionsContiguous(fx, list);
      const from = before.indexOf(moved);
      const to = Math.min(Math.max(from + (sent.one('direction') === 'up' ? -1 : 1), 0), before.length - 1);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(after.indexOf(moved)).toBe(to);
      expect([...after].sort()).toEqual([...before].sort());
    },
  },
  [`${ADMIN}#reorderEntriesAction`]: {
    base: (fx) => [
      {
        list: 'products',
        ids: readEntries(fx.db, 'products')
          .map((entry) => String(entry.id))
          .reverse(),
      },
      { list: 'companySizes', ids: readEntries(fx.db, 'companySizes').map((entry) => String(entry.id)) },
    ],
    extra: { list: LOOKUP_LIST_KEYS },
    accepted: ({ fx, sent }) => {
      expect(expectPositionsContiguous(fx, listOf(sent))).toEqual(
        sent.all('ids').map((value) => expectId(typeof value === 'string' ? value : value.name)),
      );
    },
  },
};
