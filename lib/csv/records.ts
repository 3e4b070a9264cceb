// Formatted cells to CSV text: quoting per RFC 4180 by papaparse, every record ending with CRLF.
import Papa from 'papaparse';
import { CSV_DIALECT_SETTINGS, CSV_LINE_END, type CsvDialect } from './dialects';

/**
 * CSV text for records of formatted cells, each record (the last too) followed by CRLF; '' for none.
 * papaparse quotes a cell holding the delimiter, `"`, CR, LF or a leading/trailing space and doubles `"`.
 * In `excel`, a cell starting with `'` (a neutralised formula) is quoted too, as papaparse's own
 * `escapeFormulae` does; ours is not used because it would also prefix negative amounts, which reach
 * papaparse as text ("-250,00").
 */
export function serialiseCsvRecords(records: string[][], dialect: CsvDialect): string {
  if (records.length === 0) return '';
  const { delimiter, neutraliseFormulae } = CSV_DIALECT_SETTINGS[dialect];
  // Given arrays, unparse writes no header row and no newline after the last record (pitfall 9 is the
  // `{ fields, data: [] }` form, never used here), so exactly one CRLF is added.
  const text = Papa.unparse(records, {
    delimiter,
    newline: CSV_LINE_END,
    quotes: neutraliseFormulae ? (value: unknown) => typeof value === 'string' && value.startsWith("'") : false,
    escapeFormulae: false,
    header: false,
  });
  return text + CSV_LINE_END;
}
