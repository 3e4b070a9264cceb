// Formula neutralisation (CSV injection): a spreadsheet runs a cell starting with one of these as a formula.

/**
 * `=`, `+`, `-` or `@`, also behind blanks Excel skips before it reads the cell (spaces, no-break and
 * other Unicode spaces, line breaks, zero-width characters); and any cell starting with a tab or a
 * carriage return.
 */
const FORMULA_START = /^(?:[\s\u200b-\u200d\u2060]*[=+\-@]|[\t\r])/;

/** Prefixes `'` to text that a spreadsheet would read as a formula; other text is returned as it is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseFormula: drops the `'` it put before a formula; any other text is returned as it is. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
