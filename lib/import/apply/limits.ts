// How large a file apply takes for now: it runs synchronously in the request (SPEC section 18); a later
// step moves large imports off the event loop. The dry run shows larger files all the same.
import { openCsvFile } from '../parse/open';

export const MAX_APPLY_ROWS = 5_000;

/** The file's data rows (well-formed or not: those with problems count too). */
export function countImportRows(bytes: Uint8Array): number {
  const opened = openCsvFile(bytes);
  return opened.ok ? opened.rows.length + opened.problems.filter((problem) => problem.line !== null).length : 0;
}
