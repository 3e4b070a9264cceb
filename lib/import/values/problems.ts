// A refused cell, as the dry run lists it: the file's line, the column's header, the cell, and why.
import type { LookupResolution } from '../match/lookups';
import type { ImportValueReason } from './reasons';

export type ImportProblemReason = ImportValueReason | 'import.values.unknownEntry' | 'import.values.archivedEntry';

/** `line`: the file's line number (1 = header); `column`: the header as the file spells it; `value`: the cell or the refused name. */
export type ImportProblem = { line: number; column: string; value: string; reason: ImportProblemReason };

/** One problem per unknown name and per archived name of a failed lookup (the messages take `{name}`: the value). */
export function lookupProblems(line: number, column: string, resolution: LookupResolution): ImportProblem[] {
  if (resolution.ok) return [];
  return [
    ...resolution.unknown.map((value) => ({ line, column, value, reason: 'import.values.unknownEntry' as const })),
    ...resolution.archived.map((value) => ({ line, column, value, reason: 'import.values.archivedEntry' as const })),
  ];
}
