// Reading CSV cells back: the exact inverse of our exporter per type and dialect, and a reason for every refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvValue, type CsvColumnType } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import { de } from '@/lib/i18n/dictionaries';
import { readCell, type ImportCellStyle } from '@/lib/import/values/read-cell';

const STYLES: Record<CsvDialect, ImportCellStyle> = {
  excel: { decimal: ',', date: 'dmy' },
  rfc4180: { decimal: '.', date: 'iso' },
};
const WORDS = { yes: 'Ja', no: 'Nein' };
const RUNS = { seed: 22, numRuns: 300 };

function roundTrip(type: CsvColumnType, value: unknown, dialect: CsvDialect) {
  const cell = formatCsvValue({ header: 'x', type }, value, dialect, WORDS);
  return readCell(type, cell, STYLES[dialect]);
}

const MINUTE = 60_000;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2100, 0, 1);

const VALUES: Record<CsvColumnType, fc.Arbitrary<unknown>> = {
  text: fc.string({ unit: 'grapheme', maxLength: 30 }),
  integer: fc.maxSafeInteger(),
  money: fc.maxSafeInteger(),
  percent: fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  ),
  date: fc.date({ min: new Date(FROM), max: new Date(TO), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  datetime: fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE),
  boolean: fc.boolean(),
};

describe('readCell(format(value)) === value', () => {
  for (const dialect of ['excel', 'rfc4180'] as const) {
    for (const type of Object.keys(VALUES) as CsvColumnType[]) {
      it(`${type} in ${dialect}`, () => {
        fc.assert(
          fc.property(VALUES[type], (value) => {
            const read = roundTrip(type, value, dialect);
            if (!read.ok) return false;
            // A wall-clock minute the clocks pass twice (October) comes back as one of its two instants.
            if (type === 'datetime' && read.value !== value) return Math.abs((read.value as number) - (value as number)) === 3_600_000;
            return Object.is(read.value, value);
          }),
          RUNS,
        );
      });
    }
  }

  it('text with formulas comes back without the excel quote, and a quote of the user stays', () => {
    expect(roundTrip('text', '=SUM(A1)', 'excel')).toEqual({ ok: true, value: '=SUM(A1)' });
    // The exporter writes a stored "'=SUM(A1)" as it is, the same cell as "=SUM(A1)" quoted: it reads as the
    // formula text (diffRecord compares both sides as written, so either stored value is unchanged).
    expect(roundTrip('text', "'=SUM(A1)", 'excel')).toEqual({ ok: true, value: '=SUM(A1)' });
    expect(roundTrip('text', "'quoted", 'excel')).toEqual({ ok: true, value: "'quoted" });
    expect(readCell('text', "'=1", STYLES.rfc4180)).toEqual({ ok: true, value: "'=1" });
  });

  it('datetimes with seconds round-trip in rfc4180 (toISOString)', () => {
    const value = Date.UTC(2025, 2, 30, 0, 59, 59, 123);
    expect(roundTrip('datetime', value, 'rfc4180')).toEqual({ ok: true, value });
  });
});

describe('readCell examples', () => {
  const ex = STYLES.excel;
  const rfc = STYLES.rfc4180;
  it.each([
    ['money', '1.234,56', ex, 123456],
    ['money', '12,5', ex, 1250],
    ['money', '12', ex, 1200],
    ['money', '-250,00', ex, -25000],
    ['money', '1 234,56 €', ex, 123456],
    ['money', '1,234.56', rfc, 123456],
    ['money', '0.10', rfc, 10],
    ['money', '12,500', ex, 1250],
    ['integer', '1.234', ex, 1234],
    ['integer', '12,00', ex, 12],
    ['integer', '-7', rfc, -7],
    ['percent', '60', ex, 60],
    ['percent', '60 %', ex, 60],
    ['percent', '12,5', ex, 12.5],
    ['percent', '12.5', rfc, 12.5],
    ['date', '31.01.2025', ex, '2025-01-31'],
    ['date', '1.2.2025', ex, '2025-02-01'],
    ['date', '27.11.26', ex, '2026-11-27'],
    ['date', '01.01.30', ex, '1930-01-01'],
    ['date', '2024-02-29', ex, '2024-02-29'],
    ['date', '29.02.2024', rfc, '2024-02-29'],
    ['datetime', '31.01.2025 14:05', ex, Date.UTC(2025, 0, 31, 13, 5)],
    ['datetime', '31.07.2025 14:05', ex, Date.UTC(2025, 6, 31, 12, 5)],
    ['datetime', '2025-01-31T13:05:00.000Z', rfc, Date.UTC(2025, 0, 31, 13, 5)],
    ['boolean', 'Ja', ex, true],
    ['boolean', 'nein', ex, false],
    ['boolean', 'YES', rfc, true],
    ['boolean', 'No', rfc, false],
    ['boolean', 'true', ex, true],
    ['boolean', 'FALSE', rfc, false],
    ['boolean', '1', rfc, true],
    ['boolean', '0', ex, false],
    ['money', '', ex, null],
    ['date', '  ', rfc, null],
    ['text', '', ex, ''],
  ] as const)('%s %j → %j', (type, cell, style, value) => {
    expect(readCell(type, cell, style)).toEqual({ ok: true, value });
  });

  it.each([
    ['money', '12.5', ex, 'import.values.number'],
    ['money', '12,505', ex, 'import.values.moneyCents'],
    ['money', 'zwölf', ex, 'import.values.number'],
    ['money', '1,5', rfc, 'import.values.number'],
    ['money', '99999999999999999', ex, 'import.values.tooLarge'],
    ['integer', '1,5', ex, 'import.values.integer'],
    ['integer', '12a', ex, 'import.values.number'],
    ['integer', '1.23', ex, 'import.values.number'],
    ['percent', '101', ex, 'import.values.percentRange'],
    ['percent', '-1', ex, 'import.values.percentRange'],
    ['date', '30.02.2025', ex, 'import.values.dateInvalid'],
    ['date', '2025-13-01', rfc, 'import.values.dateInvalid'],
    ['date', '01/31/2025', rfc, 'import.values.date'],
    ['datetime', '31.01.2025', ex, 'import.values.datetime'],
    ['datetime', '31.01.2025 24:00', ex, 'import.values.dateInvalid'],
    ['boolean', 'vielleicht', ex, 'import.values.boolean'],
  ] as const)('%s %j is refused: %s', (type, cell, style, reason) => {
    const read = readCell(type, cell, style);
    expect(read).toEqual({ ok: false, reason });
    expect(de[reason]).toBeTruthy();
  });

  it('never throws and always gives a known reason for arbitrary cells', () => {
    const types = Object.keys(VALUES) as CsvColumnType[];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.string(), fc.constantFrom(ex, rfc), (type, cell, style) => {
        const read = readCell(type, cell, style);
        return read.ok || read.reason in de;
      }),
      RUNS,
    );
  });
});
