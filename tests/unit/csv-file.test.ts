// Whole files as downloaded, byte for byte, in both dialects.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvColumn } from '@/lib/csv/columns';
import type { CsvDialect } from '@/lib/csv/dialects';
import { csvChunks } from '@/lib/csv/stream';

const words = { yes: 'Ja', no: 'Nein' };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function download(dialect: CsvDialect, columns: CsvColumn[], rows: unknown[][]): Promise<Buffer> {
  return Buffer.from([...csvChunks({ dialect, columns, rows, words })].join(''), 'utf8');
}

const columns: CsvColumn[] = [
  { header: 'Name', type: 'text' },
  { header: 'Anzahl', type: 'integer' },
  { header: 'Potenzial', type: 'money' },
  { header: 'Wahrscheinlichkeit', type: 'percent' },
  { header: 'Start', type: 'date' },
  { header: 'Geändert', type: 'datetime' },
  { header: 'Aktiv', type: 'boolean' },
];
const rows: unknown[][] = [
  ['Müller; Söhne, Weiß', 12, 1_250_050, 25, '2026-11-27', new Date('2026-11-27T08:05:00Z'), true],
  ['=HYPERLINK("http://x")', -3, -25_000, 12.5, new Date('2026-11-26T23:30:00Z'), null, false],
  [null, null, null, null, null, undefined, null],
  ['Zeile 1\r\nZeile 2', 0, 0, 0, '2026-01-05', new Date('2026-01-05T23:59:00Z'), true],
];

describe('a CSV file in the excel dialect', () => {
  it('is UTF-8 with BOM, ; and CRLF, decimal comma, German dates and neutralised formulas', async () => {
    const expected = Buffer.concat([
      BOM,
      Buffer.from(
        'Name;Anzahl;Potenzial;Wahrscheinlichkeit;Start;Geändert;Aktiv\r\n' +
          '"Müller; Söhne, Weiß";12;12500,50;25;27.11.2026;27.11.2026 09:05;Ja\r\n' +
          `"'=HYPERLINK(""http://x"")";-3;-250,00;12,5;27.11.2026;;Nein\r\n` +
          ';;;;;;\r\n' +
          '"Zeile 1\r\nZeile 2";0;0,00;0;05.01.2026;06.01.2026 00:59;Ja\r\n',
        'utf8',
      ),
    ]);
    expect(await download('excel', columns, rows)).toEqual(expected);
  });

  it('encodes umlauts and ß as UTF-8 bytes', async () => {
    const file = await download('excel', [{ header: 'Ort', type: 'text' }], [['äöüß']]);
    expect([...file]).toEqual([0xef, 0xbb, 0xbf, 0x4f, 0x72, 0x74, 0x0d, 0x0a, 0xc3, 0xa4, 0xc3, 0xb6, 0xc3, 0xbc, 0xc3, 0x9f, 0x0d, 0x0a]);
  });

  it('is only the BOM and the header row when there are no rows', async () => {
    const file = await download('excel', columns.slice(0, 2), []);
    expect(file).toEqual(Buffer.concat([BOM, Buffer.from('Name;Anzahl\r\n')]));
  });
});

describe('a CSV file in the rfc4180 dialect', () => {
  it('has no BOM, uses , and CRLF, a decimal point, ISO dates and values as stored', async () => {
    const expected = Buffer.from(
      'Name,Anzahl,Potenzial,Wahrscheinlichkeit,Start,Geändert,Aktiv\r\n' +
        '"Müller; Söhne, Weiß",12,12500.50,25,2026-11-27,2026-11-27T08:05:00.000Z,true\r\n' +
        '"=HYPERLINK(""http://x"")",-3,-250.00,12.5,2026-11-27,,false\r\n' +
        ',,,,,,\r\n' +
        '"Zeile 1\r\nZeile 2",0,0.00,0,2026-01-05,2026-01-05T23:59:00.000Z,true\r\n',
      'utf8',
    );
    expect(await download('rfc4180', columns, rows)).toEqual(expected);
  });

  it('is read back by papaparse as the values it was written from', async () => {
    const awkward = [
      'plain',
      'comma, inside',
      'semi;colon',
      'quote " inside',
      '"quoted"',
      'CRLF\r\nbreak',
      'LF\nbreak',
      'CR\rbreak',
      ' leading and trailing ',
      '=1+2',
      '-5',
      '@user',
      '\ttab',
      '',
      'äöüß €',
    ];
    const textColumns: CsvColumn[] = [
      { header: 'Wert', type: 'text' },
      { header: 'Nummer', type: 'integer' },
    ];
    const file = await download(
      'rfc4180',
      textColumns,
      awkward.map((value, index) => [value, index]),
    );
    const parsed = Papa.parse<string[]>(file.toString('utf8'), { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([['Wert', 'Nummer'], ...awkward.map((value, index) => [value, String(index)])]);
  });

  it('round-trips any text through papaparse', async () => {
    const unit = fc.oneof(
      fc.constantFrom(',', ';', '"', '\r', '\n', ' ', '\t', '=', '-', 'ä', 'ß', '\uFEFF'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    const cells = fc.array(fc.tuple(fc.string({ unit }), fc.string({ unit })), { maxLength: 20 });
    const textColumns: CsvColumn[] = [
      { header: 'a', type: 'text' },
      { header: 'b', type: 'text' },
    ];
    await fc.assert(
      fc.asyncProperty(cells, async (records) => {
        const file = await download('rfc4180', textColumns, records);
        const parsed = Papa.parse<string[]>(file.toString('utf8'), { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toEqual([['a', 'b'], ...records]);
      }),
    );
  });
});
