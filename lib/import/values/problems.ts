// A refused cell, as the dry run lists it: the file's line, the column's header, the cell, and why.
import type { LookupResolution } from '../match/lookups';
import { problem, type ImportProblem } from '../problems';

export type { ImportProblem };

/** One problem per unknown name and per archived name of a failed lookup (the messages take `{name}`: the value). */
export function lookupProblems(line: number, column: string, resolution: LookupResolution): ImportProblem[] {
  if (resolution.ok) return [];
  return [
    ...resolution.unknown.map((value) => problem('import.values.unknownEntry', { line, column, value, params: { name: value } })),
    ...resolution.archived.map((value) => problem('import.values.archivedEntry', { line, column, value, params: { name: value } })),
  ];
}
