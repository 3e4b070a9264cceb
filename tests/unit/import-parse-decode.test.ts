// Uploaded bytes to text: UTF-8 with and without BOM, Windows-1252, and the 20 MB limit.
import { describe, expect, it } from 'vitest';
import { checkImportSize, decodeCsv, MAX_IMPORT_BYTES } from '@/lib/import/parse/decode';
import { decodeWindows1252 } from '@/lib/import/parse/windows-1252';

const BOM = [0xef, 0xbb, 0xbf];
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsv', () => {
  it('reads UTF-8 without BOM as UTF-8', () => {
    expect(decodeCsv(utf8('Name;Straße\r\nMüller;Größe € „x“\r\n'))).toEqual({
      ok: true,
      text: 'Name;Straße\r\nMüller;Größe € „x“\r\n',
      encoding: 'utf-8',
    });
  });

  it('strips the BOM of UTF-8 with BOM', () => {
    const bytes = new Uint8Array([...BOM, ...utf8('Name;Ort\r\nÄrzte;Köln\r\n')]);
    expect(decodeCsv(bytes)).toEqual({ ok: true, text: 'Name;Ort\r\nÄrzte;Köln\r\n', encoding: 'utf-8-bom' });
  });

  it('reads plain ASCII and an empty file as UTF-8', () => {
    expect(decodeCsv(utf8('a,b\n1,2\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, 0x80–0x9F included', () => {
    // "Preis €;Straße;„Größe“ – ok" in Windows-1252.
    const bytes = new Uint8Array([
      0x50, 0x72, 0x65, 0x69, 0x73, 0x20, 0x80, 0x3b, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x3b, 0x84, 0x47, 0x72, 0xf6, 0xdf, 0x65, 0x93,
      0x20, 0x96, 0x20, 0x6f, 0x6b, 0x0d, 0x0a, 0xe4, 0xc4, 0xfc, 0xdc,
    ]);
    expect(decodeCsv(bytes)).toEqual({ ok: true, text: 'Preis €;Straße;„Größe“ – ok\r\näÄüÜ', encoding: 'windows-1252' });
  });

  it('refuses a BOM before bytes that are not UTF-8', () => {
    const decoded = decodeCsv(new Uint8Array([...BOM, 0x41, 0xe4, 0x3b]));
    expect(decoded).toEqual({ ok: false, problem: expect.objectContaining({ reason: 'import.parse.invalidUtf8' }) });
  });

  it('refuses a file above 20 MB with its size and the limit, and takes one of exactly 20 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    const tooLarge = decodeCsv(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41));
    expect(tooLarge).toEqual({
      ok: false,
      problem: { line: null, column: null, value: null, reason: 'import.parse.tooLarge', params: { size: '20.0', limit: '20.0' } },
    });
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(30 * 1024 * 1024)?.params).toEqual({ size: '30.0', limit: '20.0' });
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte as the WHATWG table does (browsers decode the same)', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const text = decodeWindows1252(bytes);
    expect(text).toHaveLength(256);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(0, 0x80)).toBe(String.fromCharCode(...bytes.subarray(0, 0x80)));
    expect(text.slice(0xa0)).toBe(String.fromCharCode(...bytes.subarray(0xa0)));
  });
});
