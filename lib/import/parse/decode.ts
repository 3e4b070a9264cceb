// Uploaded bytes to text: UTF-8 with or without BOM as Excel and our exports write it, else Windows-1252
// as older Excel and LibreOffice write on German Windows (SPEC section 18).
import { problem, type ImportProblem } from '../problems';
import { decodeWindows1252 } from './windows-1252';

/** The largest file the import accepts (issue 22): 20 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; problem: ImportProblem };

/** A problem for a file above MAX_IMPORT_BYTES (checked before reading it), else null. */
export function checkImportSize(byteLength: number): ImportProblem | null {
  if (byteLength <= MAX_IMPORT_BYTES) return null;
  return problem('import.parse.tooLarge', { params: { size: megabytes(byteLength), limit: megabytes(MAX_IMPORT_BYTES) } });
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

/** The text, or null when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a BOM in the text; the caller strips the one it found itself.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The file's text without BOM and its encoding: with a BOM it must be UTF-8; without, valid UTF-8 is
 * UTF-8 (plain ASCII included) and anything else is read as Windows-1252, which maps every byte
 * (0x80–0x9F too: €, „, “, – …). Too large a file or a BOM before invalid UTF-8 is a problem.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const tooLarge = checkImportSize(bytes.byteLength);
  if (tooLarge) return { ok: false, problem: tooLarge };
  if (hasUtf8Bom(bytes)) {
    const text = strictUtf8(bytes.subarray(3));
    return text === null ? { ok: false, problem: problem('import.parse.invalidUtf8') } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  const text = strictUtf8(bytes);
  if (text !== null) return { ok: true, text, encoding: 'utf-8' };
  return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
