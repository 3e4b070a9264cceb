// An uploaded file from bytes to header and rows in one step: decodeCsv, readCsv, and the Excel
// dialect's neutralising quote removed from the header and the cells of a `;` file.
import { decodeCsv, type CsvEncoding } from './decode';
import type { ImportProblem } from '../problems';
import { readCsv, type ReadCsv } from './read';
import { restoreFormula } from '@/lib/csv/formula';

export type OpenedCsv = ({ ok: true; encoding: CsvEncoding; unneutralised: boolean } & ReadCsv) | { ok: false; problem: ImportProblem };

/**
 * The file read: refused when too large or a BOM lies about UTF-8; otherwise its header and rows with
 * their lines and problems. Cells of a `;` file are unneutralised: our Excel dialect writes `;`, and a
 * spreadsheet saving with `;` (LibreOffice German) never adds a `'`, so a `'` before formula-like text
 * can only be ours. A `,` or tab file (our RFC 4180 dialect) is never neutralised and stays as it is.
 */
export function openCsvFile(bytes: Uint8Array): OpenedCsv {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return decoded;
  const read = readCsv(decoded.text);
  if (read.delimiter !== ';') return { ok: true, encoding: decoded.encoding, unneutralised: false, ...read };
  const cells = (row: string[]) => row.map(restoreFormula);
  return {
    ok: true,
    encoding: decoded.encoding,
    unneutralised: true,
    ...read,
    header: cells(read.header),
    rows: read.rows.map(cells),
  };
}
