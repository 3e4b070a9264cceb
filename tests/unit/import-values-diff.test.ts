// The field diff of an imported row: an unchanged export of ours gives no change, in either dialect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvValue } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import { diffRecord, type DiffColumn } from '@/lib/import/diff';
import { readCell, type ImportCellStyle } from '@/lib/import/values/read-cell';

const STYLES: Record<CsvDialect, ImportCellStyle> = {
  excel: { decimal: ',', date: 'dmy' },
  rfc4180: { decimal: '.', date: 'iso' },
};
const WORDS = { yes: 'Ja', no: 'Nein' };

// Partner and ticket fields as the demo data stores them (SQLite: 0/1 booleans, ms timestamps).
const COLUMNS: DiffColumn[] = [
  { key: 'gpid', type: 'integer' },
  { key: 'name', type: 'text' },
  { key: 'name2', type: 'text' },
  { key: 'postcode', type: 'text' },
  { key: 'newsletter', type: 'boolean' },
  { key: 'employeeCount', type: 'integer' },
  { key: 'probability', type: 'percent' },
  { key: 'potentialCents', type: 'money' },
  { key: 'expectedClose', type: 'date' },
  { key: 'createdAt', type: 'datetime' },
  { key: 'crmStatusId', type: 'lookup' },
  { key: 'productIds', type: 'lookups' },
];

const DEMO = {
  gpid: 1001,
  name: 'Müller & Söhne GmbH',
  name2: null,
  postcode: '20095',
  newsletter: 1,
  employeeCount: 120,
  probability: 60,
  potentialCents: 1_250_000,
  expectedClose: '2025-03-31',
  createdAt: Date.UTC(2025, 0, 14, 8, 30, 17, 250),
  crmStatusId: 3,
  productIds: [2, 1],
};

/** The row our exporter writes for `record`, read back as the import reads it (lookups: the caller resolves them). */
function exportedAndRead(record: Record<string, unknown>, dialect: CsvDialect): Record<string, unknown> {
  const incoming: Record<string, unknown> = {};
  for (const { key, type } of COLUMNS) {
    if (type === 'lookup' || type === 'lookups') {
      incoming[key] = Array.isArray(record[key]) ? [...(record[key] as number[])].reverse() : record[key];
      continue;
    }
    const cell = formatCsvValue({ header: key, type }, record[key], dialect, WORDS);
    const read = readCell(type, cell, STYLES[dialect]);
    if (!read.ok) throw new Error(`${key}: ${read.reason}`);
    incoming[key] = read.value;
  }
  return incoming;
}

describe('diffRecord', () => {
  for (const dialect of ['excel', 'rfc4180'] as const) {
    it(`finds no change in an unchanged export (${dialect})`, () => {
      expect(diffRecord(DEMO, exportedAndRead(DEMO, dialect), COLUMNS, STYLES[dialect])).toEqual([]);
    });

    it(`finds no change in unchanged exports of random records (${dialect})`, () => {
      const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
      const record = fc.record({
        gpid: fc.integer({ min: 1, max: 999_999 }),
        name: fc.string({ maxLength: 20 }),
        name2: optional(fc.string({ maxLength: 20 })),
        postcode: optional(fc.stringMatching(/^\d{5}$/)),
        newsletter: optional(fc.constantFrom(0, 1, true, false)),
        employeeCount: optional(fc.integer({ min: 0, max: 1_000_000 })),
        probability: optional(fc.integer({ min: 0, max: 100 })),
        potentialCents: optional(fc.maxSafeInteger()),
        expectedClose: optional(fc.date({ min: new Date(0), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true })),
        createdAt: optional(fc.integer({ min: 0, max: Date.UTC(2099, 0, 1) })),
        crmStatusId: optional(fc.integer({ min: 1, max: 9 })),
        productIds: fc.uniqueArray(fc.integer({ min: 1, max: 9 })),
      });
      fc.assert(
        fc.property(record, (value) => diffRecord(value, exportedAndRead(value, dialect), COLUMNS, STYLES[dialect]).length === 0),
        { seed: 22, numRuns: 300 },
      );
    });
  }

  it('names each changed field with before and after', () => {
    const incoming = {
      ...exportedAndRead(DEMO, 'excel'),
      name: 'Müller & Söhne GmbH & Co. KG',
      potentialCents: 1_300_000,
      productIds: [1],
    };
    expect(diffRecord(DEMO, incoming, COLUMNS, STYLES.excel)).toEqual([
      { key: 'name', before: 'Müller & Söhne GmbH', after: 'Müller & Söhne GmbH & Co. KG' },
      { key: 'potentialCents', before: 1_250_000, after: 1_300_000 },
      { key: 'productIds', before: [2, 1], after: [1] },
    ]);
  });

  it('treats null and empty text alike and skips columns the file does not carry', () => {
    expect(
      diffRecord(
        { name2: null, city: 'Kiel' },
        { name2: '' },
        [
          { key: 'name2', type: 'text' },
          { key: 'city', type: 'text' },
        ],
        STYLES.rfc4180,
      ),
    ).toEqual([]);
    expect(diffRecord({ name2: 'x' }, { name2: '' }, [{ key: 'name2', type: 'text' }], STYLES.rfc4180)).toEqual([
      { key: 'name2', before: 'x', after: '' },
    ]);
  });

  it('compares a datetime to the minute in excel, exactly in rfc4180', () => {
    const columns: DiffColumn[] = [{ key: 'at', type: 'datetime' }];
    const stored = { at: Date.UTC(2025, 0, 14, 8, 30, 17) };
    expect(diffRecord(stored, { at: Date.UTC(2025, 0, 14, 8, 30) }, columns, STYLES.excel)).toEqual([]);
    expect(diffRecord(stored, { at: Date.UTC(2025, 0, 14, 8, 30) }, columns, STYLES.rfc4180)).toHaveLength(1);
  });

  it('compares a boolean stored as 0/1 with a read boolean, and a Date with its Berlin day', () => {
    const columns: DiffColumn[] = [
      { key: 'flag', type: 'boolean' },
      { key: 'day', type: 'date' },
    ];
    const stored = { flag: 0, day: new Date(Date.UTC(2025, 2, 30, 23, 30)) };
    expect(diffRecord(stored, { flag: false, day: '2025-03-31' }, columns, STYLES.excel)).toEqual([]);
    expect(diffRecord(stored, { flag: true, day: '2025-03-30' }, columns, STYLES.excel)).toHaveLength(2);
  });
});
