// Which fields an imported row changes: the current record and the row's read values compared field by
// field, so that importing an unchanged export of ours changes nothing (SPEC section 18, round trip).
import { formatCsvValue, type CsvColumnType } from '@/lib/csv/columns';
import { readCell, type CellValue, type ImportCellStyle } from './values/read-cell';

/**
 * A field the import can compare. `lookup`: one entry id (the caller resolved the cell's name to it);
 * `lookups`: a set of entry ids (order and repeats do not matter).
 */
export type DiffColumn = { key: string; type: CsvColumnType | 'lookup' | 'lookups' };

export type FieldChange = { key: string; before: unknown; after: unknown };

// Only the parse of the cells matters here; the words do not, as readCell accepts both languages.
const WORDS = { yes: 'Ja', no: 'Nein' };

/**
 * A stored value as the file's style could carry it: formatted by our exporter and read back. So a
 * datetime compares to the minute in an `excel` file, a Date in a date column as its Berlin day, 0/1 as
 * booleans. A value the exporter cannot format is compared as it is.
 */
function asWritten(type: CsvColumnType, value: unknown, style: ImportCellStyle): CellValue | unknown {
  if (value === null || value === undefined || value === '') return null;
  try {
    const excel = style.date === 'dmy';
    const cell = formatCsvValue({ header: '', type }, value, excel ? 'excel' : 'rfc4180', WORDS);
    const read = readCell(type, cell, { decimal: excel ? ',' : '.', date: style.date, formulaQuote: excel });
    return read.ok ? (read.value === '' ? null : read.value) : value;
  } catch {
    return value;
  }
}

function sameIds(a: unknown, b: unknown): boolean {
  const left = new Set(Array.isArray(a) ? a : []);
  const right = new Set(Array.isArray(b) ? b : []);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * The changed fields, before → after, of the columns the row carries (a key missing from `incoming`
 * is not in the file and never a change). Text: null and '' are the same (no value).
 */
export function diffRecord(
  current: Readonly<Record<string, unknown>>,
  incoming: Readonly<Record<string, unknown>>,
  columns: readonly DiffColumn[],
  style: ImportCellStyle,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { key, type } of columns) {
    if (!(key in incoming)) continue;
    const before = current[key];
    const after = incoming[key];
    let same: boolean;
    if (type === 'lookups') same = sameIds(before, after);
    else if (type === 'lookup') same = (before ?? null) === (after ?? null);
    else same = Object.is(asWritten(type, before, style), asWritten(type, after, style));
    if (!same) changes.push({ key, before: before ?? null, after: after ?? null });
  }
  return changes;
}
