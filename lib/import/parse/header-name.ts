// How two header cells are compared, in the file's own header and against labels and saved mappings.
import { unneutralise } from './unneutralise';

/** Trimmed, inner blanks collapsed, case-insensitive, a neutralising `'` dropped. */
export function normaliseHeader(header: string): string {
  return unneutralise(header.trim()).trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}
