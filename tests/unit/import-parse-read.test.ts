// CSV text to header, rows and their lines: delimiters, quoting, line breaks and what does not fit.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv, type CsvDelimiter } from '@/lib/import/parse/read';

describe('readCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks; CRLF; a trailing empty line', () => {
    const text = 'Name;Ort\r\n"Müller; Söhne";"Sagt ""hallo"""\r\n"Zeile 1\r\nZeile 2";Köln\r\n;\r\n';
    expect(readCsv(text)).toEqual({
      delimiter: ';',
      header: ['Name', 'Ort'],
      headerLine: 1,
      rows: [
        ['Müller; Söhne', 'Sagt "hallo"'],
        ['Zeile 1\r\nZeile 2', 'Köln'],
        ['', ''],
      ],
      lines: [2, 3, 5],
      problems: [],
    });
  });

  it('reads LF files and skips empty lines, a leading one too, counting them', () => {
    const read = readCsv('\na,b\n1,2\n\n\n3,4\n\n');
    expect(read).toMatchObject({
      delimiter: ',',
      headerLine: 2,
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
      lines: [3, 6],
      problems: [],
    });
  });

  it('reads tab-separated text', () => {
    expect(readCsv('Name\tPLZ\nA, B; C\t12345\n')).toMatchObject({ delimiter: '\t', rows: [['A, B; C', '12345']] });
  });

  it('reads a LibreOffice-German-like file: `;`, quotes only where needed, decimal comma unquoted', () => {
    const text = 'Name;Umsatzpotenzial;Voraussichtlicher Abschluss\nMüller GmbH;1234,5;1.2.2027\n"Schmidt; Partner";0,5;31.12.2026\n';
    expect(readCsv(text)).toMatchObject({
      delimiter: ';',
      header: ['Name', 'Umsatzpotenzial', 'Voraussichtlicher Abschluss'],
      rows: [
        ['Müller GmbH', '1234,5', '1.2.2027'],
        ['Schmidt; Partner', '0,5', '31.12.2026'],
      ],
      problems: [],
    });
  });

  it('names a row with another number of cells by its line, lines of a multi-line cell counted', () => {
    const text = 'a;b\r\n"x\r\ny\r\nz";1\r\n1;2;3\r\n4\r\n5;6\r\n';
    const read = readCsv(text);
    expect(read.rows).toEqual([
      ['x\r\ny\r\nz', '1'],
      ['5', '6'],
    ]);
    expect(read.lines).toEqual([2, 7]);
    expect(read.problems).toEqual([
      { line: 5, column: null, value: null, reason: 'import.parse.cellCount', params: { expected: 2, found: 3 } },
      { line: 6, column: null, value: null, reason: 'import.parse.cellCount', params: { expected: 2, found: 1 } },
    ]);
  });

  it('reports a quote left open on the line it starts', () => {
    const read = readCsv('a;b\n1;2\n"offen;3\n4;5\n');
    expect(read.problems.map((found) => [found.line, found.reason])).toContainEqual([3, 'import.parse.quotes']);
    expect(read.rows).toEqual([['1', '2']]);
  });

  it('reports empty and repeated headers', () => {
    const read = readCsv('Name;;name ; Ort\n1;2;3;4\n');
    expect(readCsv('Post leitzahl;post  Leitzahl\n1;2\n').problems).toMatchObject([{ reason: 'import.parse.duplicateHeader' }]);
    expect(read.problems).toEqual([
      { line: 1, column: null, value: null, reason: 'import.parse.emptyHeader', params: { position: 2 } },
      { line: 1, column: 'name ', value: 'name ', reason: 'import.parse.duplicateHeader' },
    ]);
  });

  it('reports an empty file', () => {
    expect(readCsv('').problems).toEqual([{ line: null, column: null, value: null, reason: 'import.parse.empty' }]);
    expect(readCsv('\r\n\r\n').header).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits header and rows alike', () => {
    expect(detectDelimiter('Name;Betrag\nA, B;1,5\nC;2,25\n')).toBe(';');
    expect(detectDelimiter('Name,Betrag\n"A; B",1.5\nC,2.25\n')).toBe(',');
    expect(detectDelimiter('Name\tBetrag\nA;B,C\t1,5\n')).toBe('\t');
    expect(detectDelimiter('Name\nA\n')).toBe(';');
  });
});

// Cells that papaparse writes and reads back: anything but a header of one empty cell.
const cell = fc.string({ unit: fc.constantFrom('a', 'Ä', 'ß', '€', ' ', ';', ',', '\t', '"', "'", '=', '\r\n', '\n', '1', '.') });

describe('readCsv over generated files', () => {
  it('returns the cells written with any delimiter, quoted or not, and the line each row starts on', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.tuple(
            fc.uniqueArray(fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß .-]{0,12}$/), {
              minLength: width,
              maxLength: width,
              selector: (header) => header.trim().toLowerCase(),
            }),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
          ),
        ),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        (delimiter, [header, rows], newline, quotes) => {
          // A row of one empty cell per column is an empty line only for one column; keep rows non-blank.
          const data = rows.filter((row) => row.some((value) => value !== ''));
          const text = Papa.unparse([header, ...data], { delimiter, newline, quotes }) + newline;
          const read = readCsv(text);
          expect(read.delimiter).toBe(delimiter);
          expect(read.header).toEqual(header);
          expect(read.rows).toEqual(data);
          // Each record starts on the line after the last line of the one before it.
          const breaks = (row: string[]) => row.join('').match(/\r\n|\r|\n/g)?.length ?? 0;
          const lines = data.map((_, index) => 2 + data.slice(0, index).reduce((sum, row) => sum + 1 + breaks(row), 0));
          expect(read.lines).toEqual(lines);
          expect(read.problems).toEqual([]);
        },
      ),
      { seed: 22, numRuns: 300 },
    );
  });
});
