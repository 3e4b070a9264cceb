import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCsvHeader, formatCsvRow, formatCsvValue, type CsvColumn, type CsvColumnType } from '@/lib/csv/columns';
import { CSV_DIALECTS, parseDialect, type CsvDialect } from '@/lib/csv/dialects';
import { neutraliseFormula } from '@/lib/csv/formula';
import { serialiseCsvRecords } from '@/lib/csv/records';

const words = { yes: 'Ja', no: 'Nein' };
const column = (type: CsvColumnType): CsvColumn => ({ header: type, type });
const cell = (type: CsvColumnType, value: unknown, dialect: CsvDialect) => formatCsvValue(column(type), value, dialect, words);

describe('parseDialect', () => {
  it('defaults to excel when the parameter is absent or empty', () => {
    expect(parseDialect(undefined)).toBe('excel');
    expect(parseDialect(null)).toBe('excel');
    expect(parseDialect('')).toBe('excel');
  });

  it('accepts exactly the two dialect names', () => {
    expect(CSV_DIALECTS).toEqual(['excel', 'rfc4180']);
    expect(parseDialect('excel')).toBe('excel');
    expect(parseDialect('rfc4180')).toBe('rfc4180');
  });

  it('refuses anything else, including a repeated parameter', () => {
    for (const value of ['csv', 'EXCEL', ' excel', 'rfc', 0, true, {}, ['excel'], ['excel', 'rfc4180']]) {
      expect(parseDialect(value)).toBeNull();
    }
  });
});

describe('formatCsvValue in the excel dialect', () => {
  it('writes money cents with a decimal comma and no thousands separator', () => {
    expect(cell('money', 1_250_050, 'excel')).toBe('12500,50');
    expect(cell('money', 12_345_678_901, 'excel')).toBe('123456789,01');
    expect(cell('money', 5, 'excel')).toBe('0,05');
    expect(cell('money', 0, 'excel')).toBe('0,00');
    expect(cell('money', -25_000, 'excel')).toBe('-250,00');
    expect(cell('money', -7, 'excel')).toBe('-0,07');
    expect(cell('money', 10_000_000_000_000, 'excel')).toBe('100000000000,00');
  });

  it('writes integers plain and percentages with a decimal comma', () => {
    expect(cell('integer', 1_234_567, 'excel')).toBe('1234567');
    expect(cell('integer', -3, 'excel')).toBe('-3');
    expect(cell('integer', 12n, 'excel')).toBe('12');
    expect(cell('percent', 25, 'excel')).toBe('25');
    expect(cell('percent', 12.5, 'excel')).toBe('12,5');
    expect(cell('percent', -0.5, 'excel')).toBe('-0,5');
    expect(cell('percent', 0.1 + 0.2, 'excel')).toBe('0,3');
    expect(cell('percent', -0, 'excel')).toBe('0');
  });

  it('writes dates as dd.mm.yyyy and times as dd.mm.yyyy hh:mm in Europe/Berlin', () => {
    expect(cell('date', '2026-11-27', 'excel')).toBe('27.11.2026');
    // 23:30 UTC is already the next day in Berlin.
    expect(cell('date', new Date('2026-11-26T23:30:00Z'), 'excel')).toBe('27.11.2026');
    expect(cell('date', Date.UTC(2026, 0, 5, 12), 'excel')).toBe('05.01.2026');
    expect(cell('datetime', new Date('2026-11-27T08:05:00Z'), 'excel')).toBe('27.11.2026 09:05');
    expect(cell('datetime', new Date('2026-07-01T22:15:00Z'), 'excel')).toBe('02.07.2026 00:15');
    expect(cell('datetime', Date.UTC(2026, 2, 29, 1, 30), 'excel')).toBe('29.03.2026 03:30');
  });

  it('writes booleans as the given words', () => {
    expect(cell('boolean', true, 'excel')).toBe('Ja');
    expect(cell('boolean', false, 'excel')).toBe('Nein');
    expect(cell('boolean', 1, 'excel')).toBe('Ja');
    expect(formatCsvValue(column('boolean'), false, 'excel', { yes: 'Yes', no: 'No' })).toBe('No');
  });

  it('neutralises text cells starting with =, +, -, @, tab or carriage return', () => {
    expect(cell('text', '=SUM(A1:A9)', 'excel')).toBe("'=SUM(A1:A9)");
    expect(cell('text', '+49 30 1234', 'excel')).toBe("'+49 30 1234");
    expect(cell('text', '-2+3', 'excel')).toBe("'-2+3");
    expect(cell('text', '@SUM(1)', 'excel')).toBe("'@SUM(1)");
    expect(cell('text', '\t=1', 'excel')).toBe("'\t=1");
    expect(cell('text', '\r=1', 'excel')).toBe("'\r=1");
    expect(cell('text', 'a=b', 'excel')).toBe('a=b');
    expect(cell('text', 'Müller', 'excel')).toBe('Müller');
  });

  it('neutralises a formula behind spaces, no-break spaces or line breaks, which Excel skips', () => {
    for (const text of [
      ' =1',
      '   +1',
      '\u00a0=HYPERLINK("x")',
      '\u202f@SUM(1)',
      '\n=1',
      '\r\n-2+3',
      ' \n\u00a0 =1',
      '\u2003=1',
      '\u200b=1',
      '\ufeff=1',
    ]) {
      expect(cell('text', text, 'excel')).toBe(`'${text}`);
      expect(cell('text', text, 'rfc4180')).toBe(text);
    }
    for (const text of [' a=b', '\u00a0Müller', '\nZeile', '  ', '', ' 12']) expect(cell('text', text, 'excel')).toBe(text);
  });

  it('never prefixes number-typed cells, so negative amounts stay numbers', () => {
    expect(cell('money', -25_000, 'excel')).toBe('-250,00');
    expect(cell('integer', -3, 'excel')).toBe('-3');
    expect(cell('percent', -12.5, 'excel')).toBe('-12,5');
  });
});

describe('formatCsvValue in the rfc4180 dialect', () => {
  it('writes numbers with a decimal point', () => {
    expect(cell('money', 1_250_050, 'rfc4180')).toBe('12500.50');
    expect(cell('money', -25_000, 'rfc4180')).toBe('-250.00');
    expect(cell('integer', -3, 'rfc4180')).toBe('-3');
    expect(cell('percent', 12.5, 'rfc4180')).toBe('12.5');
  });

  it('writes ISO 8601 dates and UTC timestamps', () => {
    expect(cell('date', '2026-11-27', 'rfc4180')).toBe('2026-11-27');
    expect(cell('date', new Date('2026-11-26T23:30:00Z'), 'rfc4180')).toBe('2026-11-27');
    expect(cell('datetime', new Date('2026-11-27T08:05:00Z'), 'rfc4180')).toBe('2026-11-27T08:05:00.000Z');
  });

  it('writes booleans and text as stored, without neutralisation', () => {
    expect(cell('boolean', true, 'rfc4180')).toBe('true');
    expect(cell('boolean', 0, 'rfc4180')).toBe('false');
    for (const text of ['=SUM(A1)', '+49', '-2', '@x', '\tx', '\rx']) expect(cell('text', text, 'rfc4180')).toBe(text);
  });
});

describe('formatCsvValue for missing and wrong values', () => {
  it('writes null and undefined as an empty cell in every type and dialect', () => {
    const types: CsvColumnType[] = ['text', 'integer', 'money', 'percent', 'date', 'datetime', 'boolean'];
    for (const dialect of CSV_DIALECTS) {
      for (const type of types) {
        expect(cell(type, null, dialect)).toBe('');
        expect(cell(type, undefined, dialect)).toBe('');
      }
    }
    expect(cell('text', '', 'excel')).toBe('');
  });

  it('throws, naming the column, when a value does not fit its type', () => {
    expect(() => cell('money', 12.5, 'excel')).toThrow(/money.*number 12.5/);
    expect(() => cell('money', '12,50', 'excel')).toThrow(TypeError);
    expect(() => cell('integer', 1.5, 'excel')).toThrow(TypeError);
    expect(() => cell('percent', Number.NaN, 'excel')).toThrow(TypeError);
    expect(() => cell('date', '27.11.2026', 'excel')).toThrow(TypeError);
    expect(() => cell('date', '2026-13-01', 'excel')).toThrow(TypeError);
    expect(() => cell('datetime', new Date('nonsense'), 'excel')).toThrow(TypeError);
    expect(() => cell('datetime', '2026-11-27', 'excel')).toThrow(TypeError);
    expect(() => cell('boolean', 'yes', 'excel')).toThrow(TypeError);
    expect(() => cell('text', { name: 'x' }, 'excel')).toThrow(TypeError);
  });
});

describe('formatCsvRow and formatCsvHeader', () => {
  const columns: CsvColumn[] = [
    { header: 'Titel', type: 'text' },
    { header: 'Potenzial', type: 'money' },
  ];

  it('formats a row in column order and refuses a row of another length', () => {
    expect(formatCsvRow(columns, ['-Angebot', -100], 'excel', words)).toEqual(["'-Angebot", '-1,00']);
    expect(() => formatCsvRow(columns, ['x'], 'excel', words)).toThrow(RangeError);
  });

  it('neutralises header cells in excel only', () => {
    const risky: CsvColumn[] = [{ header: '=Merkmal', type: 'text' }];
    expect(formatCsvHeader(risky, 'excel')).toEqual(["'=Merkmal"]);
    expect(formatCsvHeader(risky, 'rfc4180')).toEqual(['=Merkmal']);
    expect(neutraliseFormula('Umsatz')).toBe('Umsatz');
  });
});

describe('serialiseCsvRecords', () => {
  it('ends every record, the last too, with exactly one CRLF', () => {
    expect(serialiseCsvRecords([['a', 'b']], 'excel')).toBe('a;b\r\n');
    expect(
      serialiseCsvRecords(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        'rfc4180',
      ),
    ).toBe('a,b\r\nc,d\r\n');
    expect(serialiseCsvRecords([], 'excel')).toBe('');
  });

  it('quotes cells holding the delimiter, quotes, line breaks or outer spaces, and doubles quotes', () => {
    const record = ['a;b', 'a,b', 'say "hi"', 'line 1\r\nline 2', 'lf\nonly', 'cr\ronly', ' padded', 'padded ', 'plain'];
    expect(serialiseCsvRecords([record], 'excel')).toBe(
      '"a;b";a,b;"say ""hi""";"line 1\r\nline 2";"lf\nonly";"cr\ronly";" padded";"padded ";plain\r\n',
    );
    expect(serialiseCsvRecords([record], 'rfc4180')).toBe(
      'a;b,"a,b","say ""hi""","line 1\r\nline 2","lf\nonly","cr\ronly"," padded","padded ",plain\r\n',
    );
  });

  it('quotes a neutralised formula in excel, as papaparse escapeFormulae would', () => {
    expect(serialiseCsvRecords([["'=1+2", '-250,00', "'\tx"]], 'excel')).toBe(`"'=1+2";-250,00;"'\tx"\r\n`);
    expect(serialiseCsvRecords([["'=1+2"]], 'rfc4180')).toBe("'=1+2\r\n");
  });

  it('is read back by papaparse as the same cells', () => {
    const records = [
      ["'=1+2", 'a;b', 'say "hi"', 'x\r\ny'],
      ['', 'ä ö ü ß', '-250,00', ' '],
    ];
    const parsed = Papa.parse<string[]>(serialiseCsvRecords(records, 'excel'), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(records);
  });
});
