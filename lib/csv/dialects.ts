// The two CSV dialects of the exports (SPEC section 10): what a spreadsheet opens cleanly, and plain RFC 4180.

export type CsvDialect = 'excel' | 'rfc4180';

export const CSV_DIALECTS: readonly CsvDialect[] = ['excel', 'rfc4180'];

export const DEFAULT_CSV_DIALECT: CsvDialect = 'excel';

/** How a dialect writes a file; everything that differs between the dialects lives here. */
export type CsvDialectSettings = {
  /** Starts the file with the UTF-8 byte order mark, so that Excel reads UTF-8 rather than a code page. */
  byteOrderMark: boolean;
  delimiter: ';' | ',';
  decimalSeparator: ',' | '.';
  /** Prefixes text cells that a spreadsheet would run as a formula with `'`. */
  neutraliseFormulae: boolean;
};

export const CSV_DIALECT_SETTINGS: Readonly<Record<CsvDialect, CsvDialectSettings>> = {
  excel: { byteOrderMark: true, delimiter: ';', decimalSeparator: ',', neutraliseFormulae: true },
  rfc4180: { byteOrderMark: false, delimiter: ',', decimalSeparator: '.', neutraliseFormulae: false },
};

/** Every record ends with this, in both dialects (RFC 4180 asks for CRLF). */
export const CSV_LINE_END = '\r\n';

/**
 * The `dialect` request parameter: absent (undefined, null as from `URLSearchParams.get`, or '') means
 * the default `excel`; anything but an exact dialect name, a repeated parameter included, is null.
 */
export function parseDialect(value: unknown): CsvDialect | null {
  if (value === undefined || value === null || value === '') return DEFAULT_CSV_DIALECT;
  return CSV_DIALECTS.find((dialect) => dialect === value) ?? null;
}
