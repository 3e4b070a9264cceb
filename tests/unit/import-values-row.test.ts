// A row read by its mapped columns, and the problems of refused cells and lookups.
import { describe, expect, it } from 'vitest';
import { resolveLookupNames } from '@/lib/import/match/lookups';
import { lookupProblems } from '@/lib/import/values/problems';
import { readRow, type ReadColumn } from '@/lib/import/values/read-row';

const COLUMNS: ReadColumn[] = [
  { key: 'name', type: 'text', header: 'Name', index: 0 },
  { key: 'potentialCents', type: 'money', header: 'Umsatzpotenzial', index: 1 },
  { key: 'expectedClose', type: 'date', header: 'Abschluss erwartet', index: 2 },
  { key: 'newsletter', type: 'boolean', header: 'Newsletter', index: 4 },
];

describe('readRow', () => {
  it('reads every mapped cell, a missing cell as empty', () => {
    expect(readRow(2, COLUMNS, ['Müller GmbH', '1.234,56', '31.03.2025'], { decimal: ',', date: 'dmy' })).toEqual({
      values: { name: 'Müller GmbH', potentialCents: 123456, expectedClose: '2025-03-31', newsletter: null },
      problems: [],
    });
  });

  it('leaves refused cells out and names line, column, cell and reason', () => {
    const { values, problems } = readRow(7, COLUMNS, ['Müller GmbH', '12,345', '30.02.2025', '', 'vielleicht'], {
      decimal: ',',
      date: 'dmy',
    });
    expect(values).toEqual({ name: 'Müller GmbH' });
    expect(problems).toEqual([
      { line: 7, column: 'Umsatzpotenzial', value: '12,345', reason: 'import.values.moneyCents' },
      { line: 7, column: 'Abschluss erwartet', value: '30.02.2025', reason: 'import.values.dateInvalid' },
      { line: 7, column: 'Newsletter', value: 'vielleicht', reason: 'import.values.boolean' },
    ]);
  });
});

describe('lookupProblems', () => {
  it('names each unknown and archived entry', () => {
    const entries = [
      { id: 1, name: 'Support', archived: false },
      { id: 2, name: 'Alt', archived: true },
    ];
    expect(lookupProblems(3, 'Produkte', resolveLookupNames(['Support', 'Wartung', 'alt'], entries))).toEqual([
      { line: 3, column: 'Produkte', value: 'Wartung', reason: 'import.values.unknownEntry', params: { name: 'Wartung' } },
      { line: 3, column: 'Produkte', value: 'Alt', reason: 'import.values.archivedEntry', params: { name: 'Alt' } },
    ]);
    expect(lookupProblems(3, 'Produkte', resolveLookupNames(['Support'], entries))).toEqual([]);
  });
});
