// Databases written by earlier releases (tests/fixtures/release-0.1.sqlite, the demo data of 0.1.0, and
// release-0.2.sqlite, that of the release before the pipeline) upgrade in place: every record is
// carried over and the new columns are filled from what was there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { contactSortKey, germanSortKey } from '@/lib/order/sort-key';

function copyOfFixture(release = '0.1'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-upgrade-')), 'db.sqlite');
  fs.copyFileSync(path.join(process.cwd(), 'tests', 'fixtures', `release-${release}.sqlite`), file);
  return file;
}

const TABLES = [
  'users',
  'partners',
  'contacts',
  'tickets',
  'crm_changes',
  'queries',
  'ticket_products',
  'ticket_campaigns',
  'partner_campaigns',
  'crm_ticket_statuses',
];

describe('upgrading a 0.1 database', () => {
  it('keeps every record and fills the CRM stamp from the history', () => {
    const file = copyOfFixture();
    const before = openSqlite(file);
    const counts = Object.fromEntries(TABLES.map((t) => [t, before.prepare(`select count(*) from ${t}`).pluck().get()]));
    const ticketsBefore = before
      .prepare('select id, number, title, crm_status_id, potential_cents, version from tickets order by id')
      .all();
    before.close();

    const sqlite = openSqlite(file);
    migrateDatabase(sqlite);
    for (const table of TABLES) {
      expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(counts[table]);
    }
    expect(sqlite.prepare('select id, number, title, crm_status_id, potential_cents, version from tickets order by id').all()).toEqual(
      ticketsBefore,
    );

    const changed = sqlite
      .prepare(
        `select t.crm_updated_at as at, t.crm_updated_by_id as by, t.crm_version as v,
                (select max(at) from crm_changes c where c.entity = 'ticket' and c.entity_id = t.id) as newest
         from tickets t where exists (select 1 from crm_changes c where c.entity = 'ticket' and c.entity_id = t.id)`,
      )
      .all() as { at: number; by: number | null; v: number; newest: number }[];
    expect(changed.length).toBeGreaterThan(0);
    for (const row of changed) {
      expect(row.at).toBe(row.newest);
      expect(row.v).toBe(1);
    }
    expect(
      sqlite
        .prepare(
          "select count(*) from tickets where crm_updated_at is null and id not in (select entity_id from crm_changes where entity = 'ticket')",
        )
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
    sqlite.close();
  });

  it('gives every crm_admin the crm role', () => {
    const file = copyOfFixture();
    const before = openSqlite(file);
    before.prepare(`update users set roles = '["crm_admin"]' where email = 'crm@example.com'`).run();
    before.close();

    const sqlite = openSqlite(file);
    migrateDatabase(sqlite);
    const roles = JSON.parse(sqlite.prepare(`select roles from users where email = 'crm@example.com'`).pluck().get() as string);
    expect(roles.sort()).toEqual(['crm', 'crm_admin']);
    const admin = JSON.parse(sqlite.prepare(`select roles from users where email = 'admin@example.com'`).pluck().get() as string);
    expect(admin.filter((r: string) => r === 'crm')).toHaveLength(1);
    sqlite.close();
  });

  it('fills the German sort key of every partner, user and contact', () => {
    const sqlite = openSqlite(copyOfFixture());
    migrateDatabase(sqlite);
    for (const table of ['partners', 'users'] as const) {
      const rows = sqlite.prepare(`select name, sort_name as sortName from ${table}`).all() as { name: string; sortName: string | null }[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) expect(row.sortName, `${table}: ${row.name}`).toBe(germanSortKey(row.name));
    }
    const contacts = sqlite.prepare('select first_name as firstName, last_name as lastName, sort_name as sortName from contacts').all() as {
      firstName: string;
      lastName: string;
      sortName: string | null;
    }[];
    expect(contacts.length).toBeGreaterThan(0);
    for (const row of contacts) expect(row.sortName).toBe(contactSortKey(row));
    sqlite.close();
  });
});

describe('upgrading a 0.2 database (before the pipeline)', () => {
  it('keeps every record, gives Gewonnen and Verloren their phases and leaves the new fields empty', () => {
    const file = copyOfFixture('0.2');
    const before = openSqlite(file);
    const counts = Object.fromEntries(TABLES.map((t) => [t, before.prepare(`select count(*) from ${t}`).pluck().get()]));
    const ticketsBefore = before.prepare('select * from tickets order by id').all() as Record<string, unknown>[];
    before.close();

    const sqlite = openSqlite(file);
    migrateDatabase(sqlite);
    for (const table of TABLES) {
      expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(counts[table]);
    }
    const ticketsAfter = sqlite.prepare('select * from tickets order by id').all() as Record<string, unknown>[];
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the columns of 0005 are checked in its own test
    expect(ticketsAfter.map(({ expected_close, lost_reason_id, next_action_at, next_action_text, crm_moved_at, ...rest }) => rest)).toEqual(
      ticketsBefore,
    );
    expect(ticketsAfter.every((row) => row.expected_close === null && row.lost_reason_id === null)).toBe(true);

    const phases = Object.fromEntries(
      (sqlite.prepare('select name, phase, color from crm_ticket_statuses').all() as { name: string; phase: string; color: null }[]).map(
        (row) => [row.name, [row.phase, row.color]],
      ),
    );
    expect(phases['Gewonnen']).toEqual(['won', null]);
    expect(phases['Verloren']).toEqual(['lost', null]);
    expect(phases['Verhandlung']).toEqual(['open', null]);
    expect(sqlite.prepare('select count(*) from lost_reasons').pluck().get()).toBe(0);
    sqlite.close();
  });
});

describe('upgrading to bulk changes (0004)', () => {
  it.each(['0.1', '0.2'])(
    'gives a %s database the bulk-change tables and the history mark, every history entry kept unmarked',
    (release) => {
      const file = copyOfFixture(release);
      const before = openSqlite(file);
      const counts = Object.fromEntries(TABLES.map((t) => [t, before.prepare(`select count(*) from ${t}`).pluck().get()]));
      const historyBefore = before.prepare('select * from crm_changes order by id').all() as Record<string, unknown>[];
      before.close();

      const sqlite = openSqlite(file);
      migrateDatabase(sqlite);
      for (const table of TABLES) expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(counts[table]);
      const historyAfter = sqlite.prepare('select * from crm_changes order by id').all() as Record<string, unknown>[];
      expect(historyAfter.length).toBeGreaterThan(0);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the new columns are checked below
      expect(historyAfter.map(({ bulk_change_id, bulk_undo, import_id, import_undo, ...rest }) => rest)).toEqual(historyBefore);
      expect(historyAfter.every((row) => row.bulk_change_id === null && row.bulk_undo === 0)).toBe(true);
      expect(sqlite.prepare('select count(*) from bulk_changes').pluck().get()).toBe(0);
      expect(sqlite.prepare('select count(*) from bulk_change_tickets').pluck().get()).toBe(0);
      const indexes = sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'crm_changes'").pluck().all();
      expect(indexes).toContain('crm_changes_bulk');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      sqlite.close();
    },
  );
});

describe('upgrading to follow-ups (0005)', () => {
  it.each(['0.1', '0.2', '0.3'])(
    "keeps every record of a %s database; a ticket's last CRM change is its newest entry of a field that moves the deal on",
    (release) => {
      const file = copyOfFixture(release);
      const before = openSqlite(file);
      const counts = Object.fromEntries(TABLES.map((t) => [t, before.prepare(`select count(*) from ${t}`).pluck().get()]));
      const ticketsBefore = before.prepare('select * from tickets order by id').all() as Record<string, unknown>[];
      before.close();

      const sqlite = openSqlite(file);
      migrateDatabase(sqlite);
      for (const table of TABLES) expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(counts[table]);
      const ticketsAfter = sqlite.prepare('select * from tickets order by id').all() as Record<string, unknown>[];
      // Every column the release had keeps its values (earlier releases gain more columns than these).
      const columns = Object.keys(ticketsBefore[0]);
      expect(ticketsAfter.map((row) => Object.fromEntries(columns.map((key) => [key, row[key]])))).toEqual(ticketsBefore);
      expect(ticketsAfter.every((row) => row.next_action_at === null && row.next_action_text === '')).toBe(true);

      const moved = sqlite
        .prepare(
          `select t.crm_moved_at as moved,
             (select max(at) from crm_changes c where c.entity = 'ticket' and c.entity_id = t.id
               and c.field in ('crmStatus', 'probability', 'potential', 'expectedClose', 'products', 'campaigns')) as newest,
             (select max(at) from crm_changes c where c.entity = 'ticket' and c.entity_id = t.id) as any_newest
           from tickets t`,
        )
        .all() as { moved: number | null; newest: number | null; any_newest: number | null }[];
      for (const row of moved) expect(row.moved).toBe(row.newest);
      expect(moved.some((row) => row.moved !== null)).toBe(true);
      expect(sqlite.prepare('select count(*) from calendar_feeds').pluck().get()).toBe(0);
      expect(sqlite.prepare('select count(*) from crm_ticket_statuses where stale_after_days is not null').pluck().get()).toBe(0);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      sqlite.close();
    },
  );
});

describe('upgrading to imports (0006)', () => {
  it.each(['0.1', '0.2', '0.3'])(
    'gives a %s database the import tables and the history mark, every history entry kept unmarked',
    (release) => {
      const file = copyOfFixture(release);
      const before = openSqlite(file);
      const counts = Object.fromEntries(TABLES.map((t) => [t, before.prepare(`select count(*) from ${t}`).pluck().get()]));
      before.close();

      const sqlite = openSqlite(file);
      migrateDatabase(sqlite);
      for (const table of TABLES) expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(counts[table]);
      for (const table of ['imports', 'import_records', 'import_uploads', 'import_mappings'])
        expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0);
      expect(sqlite.prepare('select count(*) from crm_changes where import_id is not null or import_undo <> 0').pluck().get()).toBe(0);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      sqlite.close();
    },
  );
});
