// Online backups: consistent while another process writes, restorable, never overwriting a file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { drizzleOf, openSqlite } from '@/db/client';
import { backupDatabase, checkIntegrity } from '@/db/backup';
import { seedDemoData } from '@/db/seed/demo';
import { scratchDb } from '../support/db';

// A separate process (hence a separate connection) that commits one login attempt after another.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.env.WRITER_DB);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const insert = db.prepare("INSERT INTO login_attempts (key, succeeded, at) VALUES (?, 0, ?)");
let written = 0;
(function loop() {
  for (let i = 0; i < 10; i++) insert.run('email:writer-' + ++written + '@example.com', Date.now());
  if (written === 50) process.stdout.write('writing\\n');
  setImmediate(loop);
})();
`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function scratch(): { sqlite: Database.Database; file: string; dir: string } {
  const { file, close } = scratchDb();
  close();
  const sqlite = openSqlite(file);
  cleanups.push(() => sqlite.close());
  return { sqlite, file, dir: path.dirname(file) };
}

function startWriter(file: string): Promise<ChildProcess> {
  const writer = spawn(process.execPath, ['-e', WRITER], { cwd: process.cwd(), env: { ...process.env, WRITER_DB: file } });
  cleanups.push(() => writer.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let stderr = '';
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    writer.stdout.once('data', () => resolve(writer));
    writer.once('exit', (code) => reject(new Error(`writer exited with ${code}: ${stderr}`)));
  });
}

const rowCount = (sqlite: Database.Database, table: string) => sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

function rowCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((table) => [table, rowCount(sqlite, table)]));
}

describe('backupDatabase', () => {
  it('takes a consistent copy with every committed row while another connection keeps writing', async () => {
    const { sqlite, file, dir } = scratch();
    // Some bulk first, so the copy spans many pages rather than one step of a few.
    const bulk = sqlite.prepare('INSERT INTO login_attempts (key, succeeded, at) VALUES (?, 1, 0)');
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) bulk.run(`ip:bulk-${i}-${'x'.repeat(40)}`);
    })();
    await startWriter(file);

    const lastCommitted = sqlite.prepare('SELECT max(id) FROM login_attempts').pluck().get() as number;
    const stats = await backupDatabase(sqlite, path.join(dir, 'backup.sqlite'));
    // The writer went on committing around the backup.
    await expect
      .poll(() => sqlite.prepare('SELECT max(id) FROM login_attempts').pluck().get() as number)
      .toBeGreaterThan(lastCommitted + 100);

    expect(stats.integrity).toBe('ok');
    expect(stats.pages).toBeGreaterThan(100);
    expect(checkIntegrity(stats.target)).toEqual(['ok']);
    const copy = openSqlite(stats.target, { readonly: true });
    cleanups.push(() => copy.close());
    const { n, maxId, before } = copy
      .prepare('SELECT count(*) AS n, max(id) AS maxId, sum(id <= ?) AS before FROM login_attempts')
      .get(lastCommitted) as { n: number; maxId: number; before: number };
    expect(before).toBe(lastCommitted);
    // One snapshot: ids are handed out in commit order, so a consistent copy has no gaps.
    expect(n).toBe(maxId);
  });

  it('restores to a database with the same row counts', async () => {
    const { sqlite, file, dir } = scratch();
    await seedDemoData(drizzleOf(sqlite), { now: Date.UTC(2026, 0, 15) });
    const original = rowCounts(sqlite);
    expect(original.partners).toBeGreaterThan(0);

    const stats = await backupDatabase(sqlite, path.join(dir, 'backup.sqlite'));
    const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-restore-'));
    cleanups.push(() => fs.rmSync(restoreDir, { recursive: true, force: true }));
    const restoredFile = path.join(restoreDir, path.basename(file));
    fs.copyFileSync(stats.target, restoredFile);

    const restored = openSqlite(restoredFile);
    cleanups.push(() => restored.close());
    expect(rowCounts(restored)).toEqual(original);
    expect(restored.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses to overwrite an existing file', async () => {
    const { sqlite, dir } = scratch();
    const target = path.join(dir, 'existing.sqlite');
    fs.writeFileSync(target, 'keep me');
    await expect(backupDatabase(sqlite, target)).rejects.toThrow(/Refusing to overwrite/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
  });
});
