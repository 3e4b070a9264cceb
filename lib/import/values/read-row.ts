// One data row's cells read by their columns' types: the values by key, and a problem per refused cell.
import type { CsvColumnType } from '@/lib/csv/columns';
import { problem, type ImportProblem } from '../problems';
import { readCell, type CellValue, type ImportCellStyle } from './read-cell';

/** A mapped column: the field `key`, its CSV type, the header as the file spells it and the cell's index. */
export type ReadColumn = { key: string; type: CsvColumnType; header: string; index: number };

export type ReadRowResult = { values: Record<string, CellValue>; problems: ImportProblem[] };

/**
 * Reads every mapped cell of the row on `line`; a missing cell (a short row) reads as empty. A refused
 * cell leaves its key out of `values` and adds a problem, so the caller never writes a half-read value.
 */
export function readRow(line: number, columns: readonly ReadColumn[], cells: readonly string[], style: ImportCellStyle): ReadRowResult {
  const values: Record<string, CellValue> = {};
  const problems: ImportProblem[] = [];
  for (const { key, type, header, index } of columns) {
    const cell = cells[index] ?? '';
    const read = readCell(type, cell, style);
    if (read.ok) values[key] = read.value;
    else problems.push(problem(read.reason, { line, column: header, value: cell }));
  }
  return { values, problems };
}
