// Migrations run all-or-nothing and set up the pragmas the product relies on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '@/db/client';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-migrate-')), 'db.sqlite');
}

describe('migrateDatabase', () => {
  it('creates every table, is idempotent and leaves foreign keys on', () => {
    const sqlite = openSqlite(tempFile());
    migrateDatabase(sqlite);
    migrateDatabase(sqlite);
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'partners', 'contacts', 'tickets', 'crm_changes', 'queries', 'login_attempts', 'company_sizes']),
    );
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    sqlite.close();
  });

  it('rolls a failing migration back completely', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-migrations-'));
    fs.cpSync(migrationsFolder(), folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(folder, '9999_broken.sql'),
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );

    const sqlite = openSqlite(tempFile());
    expect(() => migrateDatabase(sqlite, folder)).toThrow();
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    expect(tables).not.toContain('half_done');
    expect(tables).not.toContain('users');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });
});
