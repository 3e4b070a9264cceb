// How two header cells are compared, in the file's own header and against labels and saved mappings.
import { restoreFormula } from '@/lib/csv/formula';

/** Trimmed, inner blanks collapsed, case-insensitive, a neutralising `'` dropped. */
export function normaliseHeader(header: string): string {
  return restoreFormula(header.trim()).trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}
