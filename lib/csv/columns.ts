// One export column (header and type) and how a stored value of that type becomes a cell in each dialect.
import { berlinDateParts, berlinIsoDate } from './berlin-calendar';
import { CSV_DIALECT_SETTINGS, type CsvDialect, type CsvDialectSettings } from './dialects';
import { neutraliseFormula } from './formula';
import { formatCents, formatDecimal } from './numbers';
import type { Translate } from '@/lib/i18n';

export type CsvColumnType = 'text' | 'integer' | 'money' | 'percent' | 'date' | 'datetime' | 'boolean';
export type CsvColumn = { header: string; type: CsvColumnType };
/** The words for booleans in the `excel` dialect, in the user's language ("Ja"/"Nein"). */
export type CsvBooleanWords = { yes: string; no: string };

export function csvBooleanWords(t: Translate): CsvBooleanWords {
  return { yes: t('common.yes'), no: t('common.no') };
}

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A value that does not fit its column is a bug in the caller's query or mapping: fail loudly. */
function unexpected(column: CsvColumn, value: unknown): TypeError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new TypeError(`CSV column "${column.header}" (${column.type}) cannot hold ${typeof value} ${shown}`);
}

/** The largest distance from 1970 a Date can hold, in ms. */
const MAX_TIME = 8.64e15;

/**
 * UTC milliseconds of a Date, or of a number as SQLite stores timestamps (cut to whole ms as a Date
 * would); null when it is neither or not a valid time. No Date is made for a number (see berlin-calendar).
 */
function toInstant(value: unknown): number | null {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? Math.trunc(value) : Number.NaN;
  return Math.abs(ms) <= MAX_TIME ? ms : null;
}

function formatText(column: CsvColumn, value: unknown, settings: CsvDialectSettings): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') throw unexpected(column, value);
  const text = String(value);
  return settings.neutraliseFormulae ? neutraliseFormula(text) : text;
}

function formatInteger(column: CsvColumn, value: unknown): string {
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
  throw unexpected(column, value);
}

function formatDate(column: CsvColumn, value: unknown, dialect: CsvDialect): string {
  let iso: string;
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    iso = value;
  } else {
    const instant = toInstant(value);
    if (instant === null) throw unexpected(column, value);
    iso = berlinIsoDate(instant);
  }
  if (dialect === 'rfc4180') return iso;
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

function formatDateTime(column: CsvColumn, value: unknown, dialect: CsvDialect): string {
  const instant = toInstant(value);
  if (instant === null) throw unexpected(column, value);
  if (dialect === 'rfc4180') return new Date(instant).toISOString();
  const { year, month, day, hour, minute } = berlinDateParts(instant);
  return `${day}.${month}.${year} ${hour}:${minute}`;
}

function formatBoolean(column: CsvColumn, value: unknown, dialect: CsvDialect, words: CsvBooleanWords): string {
  // SQLite without Drizzle's boolean mode hands out 0 and 1.
  const flag = value === true || value === 1 ? true : value === false || value === 0 ? false : null;
  if (flag === null) throw unexpected(column, value);
  if (dialect === 'rfc4180') return String(flag);
  return flag ? words.yes : words.no;
}

/**
 * Formats one raw value for a dialect. Raw values: text -> string|null; integer/percent -> number|null;
 * money -> integer euro CENTS (number|null); date -> Date | 'yyyy-mm-dd' string | null; datetime -> Date|null;
 * boolean -> boolean|null. Also accepted: UTC milliseconds for date/datetime, 0/1 for boolean, bigint for
 * integer, number/bigint for text. null/undefined is an empty cell; any other mismatch throws a TypeError.
 * A Date in a `date` column counts as its calendar day in Europe/Berlin.
 */
export function formatCsvValue(column: CsvColumn, value: unknown, dialect: CsvDialect, words: CsvBooleanWords): string {
  if (value === null || value === undefined) return '';
  const settings = CSV_DIALECT_SETTINGS[dialect];
  switch (column.type) {
    case 'text':
      return formatText(column, value, settings);
    case 'integer':
      return formatInteger(column, value);
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw unexpected(column, value);
      return formatCents(value, settings.decimalSeparator);
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw unexpected(column, value);
      return formatDecimal(value, settings.decimalSeparator);
    case 'date':
      return formatDate(column, value, dialect);
    case 'datetime':
      return formatDateTime(column, value, dialect);
    case 'boolean':
      return formatBoolean(column, value, dialect, words);
  }
}

/** One row of raw values, in column order, as cells; a row of another length than the columns throws. */
export function formatCsvRow(
  columns: readonly CsvColumn[],
  row: readonly unknown[],
  dialect: CsvDialect,
  words: CsvBooleanWords,
): string[] {
  if (row.length !== columns.length) {
    throw new RangeError(`CSV row has ${row.length} values for ${columns.length} columns`);
  }
  return columns.map((column, index) => formatCsvValue(column, row[index], dialect, words));
}

/** The header cells; neutralised in `excel` like any text, in case a header ever carries a user's label. */
export function formatCsvHeader(columns: readonly CsvColumn[], dialect: CsvDialect): string[] {
  const { neutraliseFormulae } = CSV_DIALECT_SETTINGS[dialect];
  return columns.map(({ header }) => (neutraliseFormulae ? neutraliseFormula(header) : header));
}
