// The start-up log (issue 17, point 9): which database the server opened, that it migrated, the demo
// sign-ins after a demo seed, and a warning while demo passwords meet a server open to the network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeConnection, getDb } from '@/db/client';
import { prepareDatabase } from '@/db/bootstrap';
import { users } from '@/db/schema';
import { listensOnEveryInterface, startupLines, type StartupReport } from '@/db/startup-log';
import { hashPassword } from '@/lib/auth/password';

const TAGS = ['0000_init', '0001_crm_stamp_sessions'];

function useEmptyDatabase(): string {
  closeConnection();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-startup-')), 'crm.sqlite');
  process.env.DATABASE_PATH = file;
  return file;
}

const texts = (report: StartupReport, hostname?: string) =>
  startupLines(report, { HOSTNAME: hostname }).map((line) => `${line.level}: ${line.text}`);

afterEach(() => {
  delete process.env.CRM_SEED;
  delete process.env.CRM_ADMIN_EMAIL;
  delete process.env.CRM_ADMIN_PASSWORD;
});

describe('first start with demo data, then a restart', () => {
  it('names the file, the migrations, the demo sign-ins, and warns on every interface', async () => {
    const file = useEmptyDatabase();
    const report = await prepareDatabase();
    expect(report.file).toBe(file);
    expect(report.migrated.slice(0, TAGS.length)).toEqual(TAGS);
    expect(report.demoSignIns.map((user) => user.email).sort()).toEqual(['admin@example.com', 'agent@example.com', 'crm@example.com']);

    const lines = texts(report);
    expect(lines[0]).toBe(`info: Database: ${file}`);
    expect(lines[1]).toMatch(/^info: Migrated the database: applied 0000_init, 0001_crm_stamp_sessions/);
    expect(lines[2]).toMatch(
      /^info: Seeded demo data\. Demo sign-ins, password demo1234: .*admin@example\.com \(crm, crm_admin, admin\).*crm@example\.com \(crm\).*agent@example\.com \(no role\)/,
    );
    expect(lines[3]).toMatch(/^warn: WARNING: demo users .*admin@example\.com.* listens on every interface \(HOSTNAME=unset\)/);
    expect(lines).toHaveLength(4);

    // A restart: nothing to migrate or seed; the demo accounts are still open, so the warning stays.
    const again = await prepareDatabase();
    expect(again.migrated).toEqual([]);
    expect(again.seeded).toBeNull();
    const restart = texts(again, '0.0.0.0');
    expect(restart[1]).toMatch(/^info: Database schema up to date/);
    expect(restart.filter((line) => line.startsWith('warn:'))).toHaveLength(1);
    expect(restart.some((line) => line.includes('Seeded'))).toBe(false);
  });

  it('stops warning once the demo passwords are changed or the users deactivated', async () => {
    useEmptyDatabase();
    await prepareDatabase();
    const db = getDb();
    db.update(users)
      .set({ passwordHash: await hashPassword('a-real-secret-1') })
      .where(eq(users.email, 'admin@example.com'))
      .run();
    db.update(users).set({ active: false }).where(eq(users.email, 'crm@example.com')).run();
    const partly = await prepareDatabase();
    expect(partly.demoSignIns.map((user) => user.email)).toEqual(['agent@example.com']);
    expect(texts(partly).at(-1)).toMatch(/^warn: .*\(agent@example\.com\)/);

    db.update(users).set({ active: false }).where(eq(users.email, 'agent@example.com')).run();
    const closed = await prepareDatabase();
    expect(closed.demoSignIns).toEqual([]);
    expect(texts(closed).some((line) => line.startsWith('warn:'))).toBe(false);
  });
});

describe('first start without demo data', () => {
  it('names the administrator it created and has nothing to warn about', async () => {
    useEmptyDatabase();
    process.env.CRM_SEED = 'none';
    process.env.CRM_ADMIN_EMAIL = 'Chefin@Firma.example';
    process.env.CRM_ADMIN_PASSWORD = 'lang-und-geheim';
    const report = await prepareDatabase();
    expect(report.seeded).toEqual({ kind: 'admin', email: 'chefin@firma.example' });
    const lines = texts(report);
    expect(lines).toContain('info: Created the first administrator chefin@firma.example (CRM_SEED=none).');
    expect(lines.some((line) => line.startsWith('warn:'))).toBe(false);
  });
});

describe('which addresses count as every interface', () => {
  it('is unset, 0.0.0.0 and ::, not a single address', () => {
    expect([undefined, '', '0.0.0.0', '::', '[::]'].map(listensOnEveryInterface)).toEqual([true, true, true, true, true]);
    expect(['127.0.0.1', 'localhost', '192.168.1.5', '::1'].map(listensOnEveryInterface)).toEqual([false, false, false, false]);
  });

  it('does not warn about demo users on a server bound to one address', () => {
    const report: StartupReport = {
      file: '/data/crm.sqlite',
      migrated: [],
      migrationCount: 2,
      seeded: null,
      demoSignIns: [{ email: 'crm@example.com', roles: ['crm'] }],
    };
    expect(texts(report, '127.0.0.1').some((line) => line.startsWith('warn:'))).toBe(false);
    expect(texts(report, '::').some((line) => line.startsWith('warn:'))).toBe(true);
  });
});
