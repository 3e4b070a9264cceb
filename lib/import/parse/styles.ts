// How a column writes its numbers and dates (SPEC section 18): decimal comma or point, `TT.MM.JJJJ` or
// ISO, decided by the column's cells; the cells that fit neither are returned for the error list.
import type { CsvDelimiter } from './read';

/** A cell that fits no style of the column, by its index in the values given. */
export type StyleMisfit = { index: number; value: string };

export type NumberStyle = 'comma' | 'point';
export type DetectedNumberStyle = {
  style: NumberStyle;
  /** What decided: cells only one style reads, the file's other columns, its delimiter, or nothing (comma). */
  decidedBy: 'cells' | 'file' | 'delimiter' | 'default';
  misfits: StyleMisfit[];
};

// Sign, digits with or without thousands groups, optional decimals. Only "1.234"/"1,234" (one group of
// three behind one to three digits, nothing else) reads in both styles.
const COMMA_NUMBER = /^[-+]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$/;
const POINT_NUMBER = /^[-+]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** Whether a cell reads as a number in a style (blanks around it allowed). */
export function fitsNumberStyle(value: string, style: NumberStyle): boolean {
  return (style === 'comma' ? COMMA_NUMBER : POINT_NUMBER).test(value.trim());
}

/**
 * The decimal separator of a column. Cells only one style reads decide ("1.234,56", "12,5" vs
 * "1,234.56", "12.5"), the majority if both occur; when every cell reads both ("1,234", "1234") the
 * style of the file's other number columns decides (e.g. detectNumberStyle over all of them), else the
 * delimiter (`,` means point, `;` and tab comma), else comma. Empty cells are skipped.
 */
export function detectNumberStyle(
  values: readonly string[],
  hint: { fileStyle?: NumberStyle; delimiter?: CsvDelimiter } = {},
): DetectedNumberStyle {
  let commaOnly = 0;
  let pointOnly = 0;
  for (const value of values) {
    const comma = fitsNumberStyle(value, 'comma');
    const point = fitsNumberStyle(value, 'point');
    if (comma && !point) commaOnly += 1;
    if (point && !comma) pointOnly += 1;
  }
  let style: NumberStyle = 'comma';
  let decidedBy: DetectedNumberStyle['decidedBy'] = 'default';
  if (commaOnly !== pointOnly) {
    style = commaOnly > pointOnly ? 'comma' : 'point';
    decidedBy = 'cells';
  } else if (hint.fileStyle) {
    style = hint.fileStyle;
    decidedBy = 'file';
  } else if (hint.delimiter) {
    style = hint.delimiter === ',' ? 'point' : 'comma';
    decidedBy = 'delimiter';
  }
  return { style, decidedBy, misfits: misfitsOf(values, (value) => fitsNumberStyle(value, style)) };
}

export type DateStyle = 'german' | 'iso';
export type DetectedDateStyle = {
  /** null when the column has no date at all (every cell empty or a misfit). */
  style: DateStyle | null;
  misfits: StyleMisfit[];
};

// `T.M.JJJJ` / `TT.MM.JJJJ`, also `TT.MM.JJ` as LibreOffice Calc in German settings saves a date "as
// shown", optionally with a time as our Excel dialect writes datetimes; ISO dates, optionally with a
// time as the RFC 4180 dialect writes them.
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A two-digit year as LibreOffice reads it by default: 1930 to 2029. */
export function fullYear(year: string): string {
  if (year.length === 4) return year;
  return String(Number(year) < 30 ? 2000 + Number(year) : 1900 + Number(year));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The cell's day as `YYYY-MM-DD` when it is a real date in the style, else null. A time after the day
 * is ignored, so an RFC 4180 datetime gives its UTC day (not Berlin's): meant for date columns.
 */
export function dateInStyle(value: string, style: DateStyle): string | null {
  const match = (style === 'german' ? GERMAN_DATE : ISO_DATE).exec(value.trim());
  if (!match) return null;
  const [year, month, day] = style === 'german' ? [fullYear(match[3]), match[2], match[1]] : [match[1], match[2], match[3]];
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The date notation of a column: the one more cells are real dates in (German on a tie); empty cells skipped. */
export function detectDateStyle(values: readonly string[]): DetectedDateStyle {
  let german = 0;
  let iso = 0;
  for (const value of values) {
    if (dateInStyle(value, 'german') !== null) german += 1;
    else if (dateInStyle(value, 'iso') !== null) iso += 1;
  }
  const style: DateStyle | null = german === 0 && iso === 0 ? null : german >= iso ? 'german' : 'iso';
  return { style, misfits: misfitsOf(values, (value) => style !== null && dateInStyle(value, style) !== null) };
}

function misfitsOf(values: readonly string[], fits: (value: string) => boolean): StyleMisfit[] {
  const misfits: StyleMisfit[] = [];
  values.forEach((value, index) => {
    if (value.trim() !== '' && !fits(value)) misfits.push({ index, value });
  });
  return misfits;
}
