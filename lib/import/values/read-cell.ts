// One CSV cell back into the value our exporter wrote it from (lib/csv/columns.ts formatCsvValue), per
// column type and file style. Bad user input is a refusal with a reason, never an exception.
import type { CsvColumnType } from '@/lib/csv/columns';
import { restoreFormula } from '@/lib/csv/formula';
import { readDate, readDateTime } from './dates';
import { readInteger, readMoney, readPercent, type DecimalMark } from './numbers';
import { refuse, type ReadResult } from './reasons';

/**
 * How the file writes numbers and dates (detected by the parser). `formulaQuote`: text cells may carry the
 * `'` our `excel` dialect puts before a formula (default: when the decimal mark is ',', as in `excel`).
 */
export type ImportCellStyle = { decimal: DecimalMark; date: 'dmy' | 'iso'; formulaQuote?: boolean };

/**
 * The value of a cell. text → string ('' for an empty cell; the `excel` formula quote removed);
 * integer → number; money → integer CENTS (negative allowed: the caller refuses it where a field cannot be
 * negative); percent → number 0–100; date → `YYYY-MM-DD`; datetime → UTC milliseconds; boolean → boolean.
 * Any other type's empty (or blank) cell is null. Ranges beyond these (e.g. employees ≥ 0) are the caller's.
 */
export type CellValue = string | number | boolean | null;

/** Ja/Nein in either language and the `rfc4180` true/false, case-insensitive. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  ja: true,
  nein: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  wahr: true,
  falsch: false,
  '1': true,
  '0': false,
};

export function readBoolean(cell: string): ReadResult<boolean> {
  const value = BOOLEAN_WORDS[cell.trim().toLowerCase()];
  return value === undefined ? refuse('import.values.boolean') : { ok: true, value };
}

export function readCell(type: CsvColumnType, cell: string, style: ImportCellStyle): ReadResult<CellValue> {
  if (type === 'text') {
    const quoted = style.formulaQuote ?? style.decimal === ',';
    return { ok: true, value: quoted ? restoreFormula(cell) : cell };
  }
  if (cell.trim() === '') return { ok: true, value: null };
  switch (type) {
    case 'integer':
      return readInteger(cell, style.decimal);
    case 'money':
      return readMoney(cell, style.decimal);
    case 'percent':
      return readPercent(cell, style.decimal);
    case 'date':
      return readDate(cell);
    case 'datetime':
      return readDateTime(cell);
    case 'boolean':
      return readBoolean(cell);
  }
}
