// The planner's rows over a snapshot made by hand: matching, partner references, duplicates, options,
// and the speed a 50,000-row file needs.
import { describe, expect, it } from 'vitest';
import type { ExportEntity, Role } from '@/db/schema';
import { planRows } from '@/lib/import/plan/plan';
import { prepareImport } from '@/lib/import/plan/prepare';
import type { CurrentRecord, ImportOptions, ImportPlan, PlanSnapshot } from '@/lib/import/plan/types';

const OPTIONS: ImportOptions = { existing: 'update', createNew: true, createMissingEntries: false };
const CRM: { roles: Role[] } = { roles: ['crm'] };

function planText(entity: ExportEntity, text: string, snapshot: PlanSnapshot, options = OPTIONS, user = CRM): ImportPlan {
  const prepared = prepareImport(user, { entity, bytes: new TextEncoder().encode(text), options });
  return prepared.ok ? planRows(prepared, snapshot, options) : prepared;
}

function ok(plan: ImportPlan) {
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan;
}

const contact = (id: number, email: string, partnerId: number | null): CurrentRecord => ({
  id,
  label: `Kontakt ${id}`,
  match: { email },
  values: { lastName: `Name ${id}`, email, partnerName: partnerId, partnerGpid: partnerId },
});

const CONTACTS: PlanSnapshot = {
  records: [contact(1, 'a@example.com', 10), contact(2, 'b@example.com', null)],
  partners: [
    { id: 10, gpid: 5001, name: 'Alpha GmbH' },
    { id: 11, gpid: 5002, name: 'Beta AG' },
    { id: 12, gpid: 5003, name: 'Beta AG' },
  ],
  lookups: {},
};

describe('planRows', () => {
  it('matches contacts by e-mail in any case and resolves their partner by GPID before name', () => {
    const plan = ok(
      planText(
        'contacts',
        'Nachname;E-Mail;Geschäftspartner;GPID des Geschäftspartners\nName 1;A@Example.com;Alpha GmbH;5001\nName 2;b@example.com;Alpha GmbH;5002\n',
        CONTACTS,
      ),
    );
    expect(plan.rows.map((row) => row.action)).toEqual(['update', 'update']);
    expect(plan.rows[0]).toMatchObject({ recordId: 1, changes: [{ key: 'email', before: 'a@example.com', after: 'A@Example.com' }] });
    expect(plan.rows[1].changes).toEqual([{ key: 'partnerGpid', before: null, after: 11 }]);
  });

  it('a contact without e-mail is found by the Kontakt-ID of our export, one with e-mail never by it', () => {
    const snapshot: PlanSnapshot = { ...CONTACTS, records: [...CONTACTS.records, contact(3, '', null)] };
    const plan = ok(planText('contacts', 'Kontakt-ID;Nachname;E-Mail\n3;Name 3;\n1;Name 1;\n', snapshot));
    expect(plan.rows.map((row) => [row.action, row.recordId])).toEqual([
      ['unchanged', 3],
      ['create', undefined],
    ]);
    expect(plan.ignored).toEqual([]);
  });

  it('a partner name two partners carry is an error unless the record already has one of them', () => {
    const plan = ok(
      planText('contacts', 'Nachname;E-Mail;Geschäftspartner\nName 2;b@example.com;Beta AG\nNeu;c@example.com;Gamma\n', CONTACTS),
    );
    expect(plan.rows.map((row) => [row.action, row.problems.map((found) => found.reason)])).toEqual([
      ['error', ['import.plan.ambiguousPartner']],
      ['error', ['import.plan.unknownPartner']],
    ]);
  });

  it('a new contact without last name is refused; without createNew it is skipped', () => {
    const text = 'Nachname;E-Mail\n;neu@example.com\n';
    expect(ok(planText('contacts', text, CONTACTS)).rows[0]).toMatchObject({
      action: 'error',
      problems: [{ reason: 'import.plan.required', column: 'Nachname' }],
    });
    expect(ok(planText('contacts', text, CONTACTS, { ...OPTIONS, createNew: false })).rows[0].action).toBe('skip');
  });

  it("CRM fields follow the CRM form's rules: comments up to 2,000 characters, counts not negative", () => {
    const partners: PlanSnapshot = {
      records: [{ id: 1, label: 'Alpha', match: { gpid: 5001, name: 'Alpha', postcode: '1' }, values: { gpid: 5001, name: 'Alpha' } }],
      partners: [],
      lookups: {},
    };
    const text = `GPID;Kommentar 1;Unternehmensgröße (Beschäftigte)\n5001;${'x'.repeat(2001)};5\n5001;ok;-5\n`;
    const plan = ok(planText('partners', text, partners));
    expect(plan.rows.map((row) => row.problems.map((found) => found.reason))).toEqual([['import.plan.tooLong'], ['import.plan.negative']]);
  });

  it('a new record needs its required field even when the file has no such column', () => {
    const plan = ok(planText('contacts', 'E-Mail\nneu@example.com\n', CONTACTS));
    expect(plan.rows[0].problems).toEqual([
      { line: 2, column: null, value: null, reason: 'import.plan.required', params: { column: 'lastName' } },
    ]);
  });

  it('two new rows with one e-mail are both errors', () => {
    const plan = ok(planText('contacts', 'Nachname;E-Mail\nX;neu@example.com\nY;NEU@example.com\n', CONTACTS));
    expect(plan.rows.map((row) => row.problems.map((found) => found.reason))).toEqual([
      ['import.plan.sameRecordTwice'],
      ['import.plan.sameRecordTwice'],
    ]);
  });

  it('an empty file, or one whose headers map to nothing, is refused as a whole', () => {
    expect(planText('contacts', '', CONTACTS)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ reason: 'import.parse.empty' })],
    });
    const unmapped = planText('contacts', 'Foo;Bar\n1;2\n', CONTACTS);
    expect(unmapped.ok).toBe(false);
    if (!unmapped.ok) expect(unmapped.problems.map((found) => found.reason)).toContain('import.plan.noColumns');
  });

  it('plans 50,000 ticket rows well within 20 seconds', () => {
    const count = 50_000;
    const records: CurrentRecord[] = [];
    const lines = ['Nummer;Titel;Status;Umsatzpotenzial;Produkte;Voraussichtlicher Abschluss'];
    for (let index = 1; index <= count; index += 1) {
      const number = `T-${String(index).padStart(6, '0')}`;
      records.push({
        id: index,
        label: number,
        match: { number },
        values: { number, title: `Ticket ${index}`, status: 'open', potential: index * 100, products: [1, 2], expectedClose: '2027-01-31' },
      });
      lines.push(`${number};Ticket ${index};Offen;${index},00;Hosting, Wartung;31.01.2027`);
    }
    const snapshot: PlanSnapshot = {
      records,
      partners: [],
      lookups: {
        products: [
          { id: 1, name: 'Hosting', archived: false },
          { id: 2, name: 'Wartung', archived: false },
        ],
      },
    };
    const started = performance.now();
    const plan = ok(planText('tickets', lines.join('\r\n'), snapshot));
    const seconds = (performance.now() - started) / 1000;
    expect(plan.counts.unchanged).toBe(count);
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
