// Formula neutralisation (CSV injection): a spreadsheet runs a cell starting with one of these as a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to text that a spreadsheet would read as a formula; other text is returned as it is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
