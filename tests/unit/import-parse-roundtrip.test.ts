// Our own exports read back: files written by the export's code (csvChunks with the data manager's
// columns) in both dialects and both languages decode, read and map to exactly what was written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES, type ExportEntity, type Locale } from '@/db/schema';
import { csvBooleanWords, formatCsvValue, type CsvColumn } from '@/lib/csv/columns';
import { CSV_DIALECTS, type CsvDialect } from '@/lib/csv/dialects';
import { neutraliseFormula } from '@/lib/csv/formula';
import { csvChunks } from '@/lib/csv/stream';
import { DATA_COLUMNS, type DataColumn } from '@/lib/data-manager/columns';
import { exportCsvColumns } from '@/lib/data-manager/export-rows';
import { translator } from '@/lib/i18n';
import { mapHeaders } from '@/lib/import/parse/headers';
import { openCsvFile } from '@/lib/import/parse/open';
import { detectDateStyle, detectNumberStyle } from '@/lib/import/parse/styles';
import { decodeWindows1252 } from '@/lib/import/parse/windows-1252';

const LOCALES: Locale[] = ['de', 'en'];
/** Every Windows-1252 byte's character, by index: to encode a text as a Windows PC would. */
const WINDOWS_1252 = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, byte) => byte));

const TEXTS: (string | null)[] = [
  'Müller; Söhne, Weiß',
  'Sagt "hallo"',
  'Zeile 1\r\nZeile 2',
  'Zeile A\nZeile B',
  '=HYPERLINK("http://x")',
  '-Rabatt',
  '@user',
  '+49 30 1234',
  ' führende und folgende Leerzeichen ',
  '',
  null,
  "'s-Hertogenbosch",
  '€ „Zitat“ – ß Ä Ö Ü',
];

/** A raw value of each type, varied by row; text from TEXTS. */
function rawValue(column: DataColumn, row: number): unknown {
  switch (column.type) {
    case 'text':
      return TEXTS[row % TEXTS.length];
    case 'integer':
      return row % 4 === 3 ? null : row * 1_234 - 5;
    case 'money':
      return row % 4 === 3 ? null : (row - 6) * 123_457;
    case 'percent':
      return row % 4 === 3 ? null : row * 7.5;
    case 'date':
      return row % 4 === 3 ? null : `2026-${String((row % 12) + 1).padStart(2, '0')}-0${(row % 9) + 1}`;
    case 'datetime':
      return row % 4 === 3 ? null : new Date(Date.UTC(2026, row % 12, 1 + row, 23, 30));
    case 'boolean':
      return row % 4 === 3 ? null : row % 2 === 0;
  }
}

function exportFile(entity: ExportEntity, dialect: CsvDialect, locale: Locale, rows: unknown[][]) {
  const t = translator(locale);
  const columns = exportCsvColumns(DATA_COLUMNS[entity], t);
  const words = csvBooleanWords(t);
  const text = [...csvChunks({ dialect, columns, rows, words })].join('');
  return { columns, words, bytes: new TextEncoder().encode(text) };
}

/** What the importer should see in a cell: text as stored, everything else as the export formats it. */
function expectedCell(column: CsvColumn, value: unknown, dialect: CsvDialect, words: { yes: string; no: string }): string {
  if (column.type === 'text') return value === null ? '' : String(value);
  return formatCsvValue(column, value, dialect, words);
}

/** The file opened as the importer will; a refusal fails the test. */
function importFile(bytes: Uint8Array) {
  const opened = openCsvFile(bytes);
  if (!opened.ok) throw new Error(opened.problem.reason);
  return opened;
}

describe('an export of ours read back', () => {
  for (const entity of EXPORT_ENTITIES) {
    for (const dialect of CSV_DIALECTS) {
      for (const locale of LOCALES) {
        it(`${entity}, ${dialect}, ${locale}: every header maps to its key and every cell comes back`, () => {
          const dataColumns = DATA_COLUMNS[entity];
          const raw = Array.from({ length: 2 * TEXTS.length }, (_, row) => dataColumns.map((column) => rawValue(column, row)));
          const { columns, words, bytes } = exportFile(entity, dialect, locale, raw);
          const read = importFile(bytes);
          const { rows } = read;

          expect(read.encoding).toBe(dialect === 'excel' ? 'utf-8-bom' : 'utf-8');
          expect(read.delimiter).toBe(dialect === 'excel' ? ';' : ',');
          expect(read.problems).toEqual([]);
          const mapping = mapHeaders(entity, read.header);
          expect(mapping.keys).toEqual(dataColumns.map((column) => column.key));
          expect(mapping.problems).toEqual([]);
          expect(rows).toEqual(raw.map((row) => row.map((value, index) => expectedCell(columns[index], value, dialect, words))));

          // Numbers and dates are recognised in the dialect's notation.
          columns.forEach((column, index) => {
            const values = rows.map((row) => row[index]);
            if (column.type === 'money' || column.type === 'percent' || column.type === 'integer') {
              const detected = detectNumberStyle(values, { delimiter: read.delimiter });
              expect(detected).toMatchObject({ style: dialect === 'excel' ? 'comma' : 'point', misfits: [] });
            }
            if (column.type === 'date' || column.type === 'datetime') {
              expect(detectDateStyle(values)).toEqual({ style: dialect === 'excel' ? 'german' : 'iso', misfits: [] });
            }
          });
        });
      }
    }
  }

  it('reads back the lines rows start on, a multi-line cell counting its lines', () => {
    const { bytes } = exportFile('contacts', 'excel', 'de', [
      DATA_COLUMNS.contacts.map((column) => (column.key === 'firstName' ? 'a\r\nb\r\nc' : null)),
      DATA_COLUMNS.contacts.map(() => null),
    ]);
    expect(importFile(bytes).lines).toEqual([2, 5]);
  });

  it('reads back a one-column export in either dialect', () => {
    for (const dialect of CSV_DIALECTS) {
      const t = translator('de');
      const columns: CsvColumn[] = [{ header: t('dataManager.col.name'), type: 'text' }];
      const text = [...csvChunks({ dialect, columns, rows: [['A, B; C']], words: csvBooleanWords(t) })].join('');
      const read = importFile(new TextEncoder().encode(text));
      expect(mapHeaders('partners', read.header).keys).toEqual(['name']);
      expect(read.rows).toEqual([['A, B; C']]);
    }
  });

  it('reads back the same file saved again as Windows-1252 (€, ä, ß)', () => {
    const { bytes } = exportFile('partners', 'excel', 'de', [
      DATA_COLUMNS.partners.map((column) => (column.type === 'text' ? 'Straße € „Größe“ – äÄ' : null)),
    ]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const windows = Uint8Array.from(text, (character) => WINDOWS_1252.indexOf(character));
    expect(decodeWindows1252(windows)).toBe(text);
    const read = importFile(windows);
    expect(read.encoding).toBe('windows-1252');
    expect(mapHeaders('partners', read.header).problems).toEqual([]);
    expect(read.rows[0][DATA_COLUMNS.partners.findIndex((column) => column.key === 'name')]).toBe('Straße € „Größe“ – äÄ');
  });
});

// Any text but the one kind the exporter cannot tell apart from another (`'` before formula-like text).
const text = fc
  .string({ unit: fc.constantFrom('a', 'Ä', 'ß', '€', ' ', ';', ',', '\t', '"', "'", '=', '-', '@', '\r\n', '\n', '\r', '1', '.') })
  .filter((value) => !(value.startsWith("'") && neutraliseFormula(value.slice(1)) !== value.slice(1)));

describe('generated text cells read back', () => {
  it('come back equal through either dialect', () => {
    const t = translator('en');
    const columns: CsvColumn[] = [
      { header: t('dataManager.col.firstName'), type: 'text' },
      { header: t('dataManager.col.lastName'), type: 'text' },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...CSV_DIALECTS), fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), (dialect, rows) => {
        const file = [...csvChunks({ dialect, columns, rows, words: csvBooleanWords(t) })].join('');
        const read = importFile(new TextEncoder().encode(file));
        expect(read.problems).toEqual([]);
        expect(read.rows).toEqual(rows);
      }),
      { seed: 22, numRuns: 500 },
    );
  });
});

describe('openCsvFile', () => {
  it('refuses what decodeCsv refuses', () => {
    expect(openCsvFile(new Uint8Array([0xef, 0xbb, 0xbf, 0xff]))).toMatchObject({
      ok: false,
      problem: { reason: 'import.parse.invalidUtf8' },
    });
  });

  it("unneutralises a `;` file's header and cells, never a `,` file's", () => {
    expect(openCsvFile(new TextEncoder().encode("'=Kopf;B\r\n'=1;'s\r\n"))).toMatchObject({
      ok: true,
      unneutralised: true,
      header: ['=Kopf', 'B'],
      rows: [['=1', "'s"]],
    });
    expect(openCsvFile(new TextEncoder().encode("A,B\r\n'=1,x\r\n"))).toMatchObject({
      ok: true,
      unneutralised: false,
      rows: [["'=1", 'x']],
    });
  });
});

describe('a file LibreOffice Calc saved in German settings', () => {
  // Our Excel export opened and saved again: no BOM, Windows-1252, quotes only where needed, dates
  // "as shown" with two-digit years, amounts without trailing zeros.
  const saved =
    'Nummer;Titel;CRM-Status;Abschlusschance;Umsatzpotenzial;Voraussichtlicher Abschluss;CRM aktiviert\r\n' +
    'T-1;"Müller; Söhne";Angebot;25;12500,5;27.11.26;Ja\r\n' +
    'T-2;"Sagt ""hallo""";Gewonnen;12,5;-250;1.2.27;Nein\r\n' +
    'T-3;Straße € „x“;;;;;\r\n';

  for (const [name, bytes] of [
    ['Windows-1252', Uint8Array.from(saved, (character) => WINDOWS_1252.indexOf(character))],
    ['UTF-8', new TextEncoder().encode(saved)],
  ] as const) {
    it(`reads as ${name}: headers mapped, cells as written, comma decimals, German dates`, () => {
      const read = importFile(bytes);
      expect(read).toMatchObject({ encoding: name === 'UTF-8' ? 'utf-8' : 'windows-1252', delimiter: ';', problems: [] });
      expect(mapHeaders('tickets', read.header)).toMatchObject({
        keys: ['number', 'title', 'crmStatus', 'probability', 'potential', 'expectedClose', 'crmEnabled'],
        problems: [],
      });
      expect(read.rows.map((row) => row[1])).toEqual(['Müller; Söhne', 'Sagt "hallo"', 'Straße € „x“']);
      const column = (index: number) => read.rows.map((row) => row[index]);
      expect(detectNumberStyle(column(4), { delimiter: read.delimiter })).toMatchObject({ style: 'comma', misfits: [] });
      expect(detectNumberStyle(column(3), { delimiter: read.delimiter })).toMatchObject({ style: 'comma', misfits: [] });
      expect(detectDateStyle(column(5))).toEqual({ style: 'german', misfits: [] });
    });
  }

  it('reads with `,` as delimiter too, the decimal comma then quoted', () => {
    const read = importFile(new TextEncoder().encode('Nummer,Umsatzpotenzial\r\nT-1,"12500,5"\r\nT-2,"1,234"\r\n'));
    expect(read).toMatchObject({
      delimiter: ',',
      rows: [
        ['T-1', '12500,5'],
        ['T-2', '1,234'],
      ],
    });
    // "12500,5" only reads with a decimal comma, which settles "1,234" for the column.
    expect(
      detectNumberStyle(
        read.rows.map((row) => row[1]),
        { delimiter: read.delimiter },
      ),
    ).toMatchObject({ style: 'comma', misfits: [] });
  });
});
