// Reading back a cell our Excel dialect neutralised (lib/csv/formula.ts): the `'` it put before
// formula-like text is removed, any other leading `'` is the user's own and stays.
import { neutraliseFormula } from '@/lib/csv/formula';

/**
 * The cell as it was before `neutraliseFormula`: a leading `'` is dropped exactly when the rest is text
 * that `neutraliseFormula` would have prefixed. Note the exporter cannot tell `=1` from `'=1` (both are
 * written `'=1`); such a cell reads back as `=1`.
 */
export function unneutralise(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return neutraliseFormula(rest) === cell ? rest : cell;
}
