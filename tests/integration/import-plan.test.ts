// The import's dry run against the demo data: our own exports plan as unchanged in every dialect and
// language, edited cells as exactly those changes, and nothing is ever written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '@/db/client';
import { EXPORT_ENTITIES, type ExportEntity } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { visibleColumns } from '@/lib/data-manager/columns';
import { planImport } from '@/lib/import/plan/queries';
import type { ImportOptions, ImportPlan } from '@/lib/import/plan/types';
import { seedDemoData } from '@/db/seed/demo';
import { freshAppDb, sessionUser } from '../support/db';
import { bytesOf, exportText } from '../support/import-export';

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;

const UPDATE: ImportOptions = { existing: 'update', createNew: true, createMissingEntries: false };

/** The connection's changes so far: planning must not add any. */
const changesSoFar = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

function plan(user: SessionUser, entity: ExportEntity, text: string, options = UPDATE): Extract<ImportPlan, { ok: true }> {
  const result = planImport(db, user, { entity, bytes: bytesOf(text), options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crmUser = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
});

describe('round trip: our own export plans as unchanged', () => {
  for (const entity of EXPORT_ENTITIES) {
    for (const dialect of ['excel', 'rfc4180'] as const) {
      for (const locale of ['de', 'en'] as const) {
        it(`${entity}, ${dialect}, ${locale}, every column, crm user`, () => {
          const keys = visibleColumns(entity, true).map((column) => column.key);
          const before = changesSoFar();
          const result = plan(crmUser, entity, exportText(db, crmUser, entity, keys, dialect, locale));
          const notUnchanged = result.rows.filter((row) => row.action !== 'unchanged').slice(0, 3);
          expect(notUnchanged).toEqual([]);
          expect(result.problems).toEqual([]);
          expect(result.counts.unchanged).toBeGreaterThan(0);
          expect(changesSoFar()).toBe(before);
        });
      }
    }
    it(`${entity}: a plain user's export (no CRM columns) plans as unchanged`, () => {
      const keys = visibleColumns(entity, false).map((column) => column.key);
      const result = plan(agent, entity, exportText(db, agent, entity, keys, 'excel', 'de'));
      expect(result.rows.filter((row) => row.action !== 'unchanged').slice(0, 3)).toEqual([]);
    });
  }
});

describe('round trip: random subsets of columns', () => {
  const MATCH_KEY: Record<ExportEntity, string> = { partners: 'gpid', contacts: 'email', tickets: 'number' };
  it('any columns with the match key plan as unchanged (fast-check, fixed seed)', () => {
    const cases = fc.constantFrom(...EXPORT_ENTITIES).chain((entity) =>
      fc.record({
        entity: fc.constant(entity),
        keys: fc.subarray(
          visibleColumns(entity, true)
            .map((column) => column.key)
            .filter((key) => key !== MATCH_KEY[entity]),
        ),
        dialect: fc.constantFrom('excel' as const, 'rfc4180' as const),
        locale: fc.constantFrom('de' as const, 'en' as const),
      }),
    );
    fc.assert(
      fc.property(cases, ({ entity, keys, dialect, locale }) => {
        const all = [MATCH_KEY[entity], ...keys];
        const result = plan(crmUser, entity, exportText(db, crmUser, entity, all, dialect, locale));
        expect(result.rows.filter((row) => row.action !== 'unchanged').slice(0, 3)).toEqual([]);
      }),
      { seed: 22, numRuns: 25 },
    );
  });
});

describe('nothing is written', () => {
  /** The database file and its write-ahead log, hashed. */
  const checksum = () =>
    ['', '-wal']
      .map((suffix) => `${process.env.DATABASE_PATH}${suffix}`)
      .filter((file) => fs.existsSync(file))
      .map((file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
      .join('|');

  it('planning every entity, with creates and updates, leaves the database file as it was', () => {
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const before = checksum();
    const changes = changesSoFar();
    for (const entity of EXPORT_ENTITIES) {
      const keys = visibleColumns(entity, true).map((column) => column.key);
      const text = exportText(db, crmUser, entity, keys, 'excel', 'de');
      // A changed first value of every row: updates and, for rows no longer matching, creates.
      const edited = text.replace(/\r\n([^;\r\n]+);/g, '\r\n$1x;');
      const result = plan(crmUser, entity, edited);
      expect(result.counts.update + result.counts.create + result.counts.error).toBeGreaterThan(0);
    }
    expect(changesSoFar()).toBe(changes);
    expect(checksum()).toBe(before);
  });
});
