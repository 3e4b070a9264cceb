// What the import page adds below the UI (SPEC section 18): the names behind a dry run's ids (lookup
// entries, the entries the import would create, partners) and the row count that apply's limit reads.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { countImportRows, MAX_APPLY_ROWS } from '@/lib/import/apply/limits';
import { readPlanNames } from '@/lib/import/plan/names';
import { planImport } from '@/lib/import/plan/queries';
import { readEntries } from '@/lib/lookups/queries';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let admin: SessionUser;
const bytes = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  admin = sessionUser(db, 'admin@example.com');
});

describe('readPlanNames', () => {
  it('names existing and planned lookup entries by id, the planned ones by their negative id', () => {
    const existing = readEntries(db, 'revenueGroups')[0];
    const file = `Name;PLZ;Umsatzgruppe\r\nNamen Eins;11111;${existing.name}\r\nNamen Zwei;22222;Ganz neue Gruppe\r\n`;
    const plan = planImport(db, admin, {
      entity: 'partners',
      bytes: bytes(file),
      options: { existing: 'update', createNew: true, createMissingEntries: true },
    });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const names = readPlanNames(db, plan);
    const after = plan.rows.map((row) => row.changes.find((change) => change.key === 'revenueGroup')?.after as number);
    expect(names.revenueGroup.get(after[0])).toBe(existing.name);
    expect(after[1]).toBeLessThan(0);
    expect(names.revenueGroup.get(after[1])).toBe('Ganz neue Gruppe');
  });

  it('names the partner a contact row refers to', () => {
    const partner = db.$client.prepare('select id, name, gpid from partners where gpid is not null limit 1').get() as {
      id: number;
      name: string;
      gpid: number;
    };
    const file = `GPID des Geschäftspartners;Vorname;Nachname;E-Mail\r\n${partner.gpid};Nina;Namen;nina.namen@example.org\r\n`;
    const plan = planImport(db, admin, {
      entity: 'contacts',
      bytes: bytes(file),
      options: { existing: 'update', createNew: true, createMissingEntries: false },
    });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    const change = plan.rows[0].changes.find((candidate) => candidate.key === 'partnerGpid' || candidate.key === 'partnerName');
    expect(change).toBeDefined();
    expect(readPlanNames(db, plan)[change!.key].get(change!.after as number)).toBe(partner.name);
  });
});

describe('countImportRows', () => {
  it('counts the data rows, ragged ones included, and the limit stands at 5,000', () => {
    expect(countImportRows(bytes('Name;PLZ\r\nA;1\r\nB;2;zu viel\r\nC;3\r\n'))).toBe(3);
    expect(countImportRows(bytes(''))).toBe(0);
    expect(MAX_APPLY_ROWS).toBe(5_000);
  });
});
