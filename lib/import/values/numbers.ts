// Numbers as our exports write them (lib/csv/numbers.ts: no grouping, the dialect's decimal mark) and as
// a spreadsheet may save them again (thousands grouped with the other mark, a currency or percent sign).
// Exact: digits are combined as text, so money never passes through a float.
import { refuse, type ReadResult } from './reasons';

export type DecimalMark = ',' | '.';

type DecimalParts = { negative: boolean; whole: string; fraction: string };

const escape = (mark: string) => (mark === '.' ? '\\.' : mark);

/** The patterns of a plain or grouped number for one decimal mark ("1.234,56" for ',', "1,234.56" for '.'). */
function numberPattern(decimal: DecimalMark): RegExp {
  const group = escape(decimal === ',' ? '.' : ',');
  const mark = escape(decimal);
  return new RegExp(`^([+\\-\\u2212]?)(\\d{1,3}(?:${group}\\d{3})+|\\d*)(?:${mark}(\\d+))?$`);
}

const PATTERNS: Record<DecimalMark, RegExp> = { ',': numberPattern(','), '.': numberPattern('.') };

// Blanks a spreadsheet or a user may leave around or inside a number's sign: spaces, no-break spaces.
const BLANKS = /[\s\u00a0\u202f]+/gu;

/** Sign, whole digits and fraction digits of a number cell, after dropping `symbols` (€, %) and blanks. */
function decimalParts(cell: string, decimal: DecimalMark, symbols: RegExp | null): DecimalParts | null {
  let text = cell.replace(BLANKS, '');
  if (symbols) text = text.replace(symbols, '');
  const match = PATTERNS[decimal].exec(text);
  if (!match) return null;
  const [, sign, grouped, fraction = ''] = match;
  const whole = grouped.replace(/[.,]/g, '');
  if (whole === '' && fraction === '') return null;
  return { negative: sign === '-' || sign === '\u2212', whole: whole || '0', fraction };
}

/** A digit string as a safe integer, or null past Number.MAX_SAFE_INTEGER. */
function safeInteger(digits: string, negative: boolean): number | null {
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** A whole number ("1234", "1.234" grouped, "12,00" with a zero fraction); sign allowed, the caller checks ranges. */
export function readInteger(cell: string, decimal: DecimalMark): ReadResult<number> {
  const parts = decimalParts(cell, decimal, null);
  if (!parts) return refuse('import.values.number');
  if (/[1-9]/.test(parts.fraction)) return refuse('import.values.integer');
  const value = safeInteger(parts.whole, parts.negative);
  return value === null ? refuse('import.values.tooLarge') : { ok: true, value };
}

/**
 * Euros as integer CENTS: "1.234,56" → 123456, "12,5" → 1250, "12 €" → 1200. More than two decimals that
 * are not zeros are refused (no rounding). Negative amounts are read: the caller refuses them for a field
 * that cannot be negative.
 */
export function readMoney(cell: string, decimal: DecimalMark): ReadResult<number> {
  const parts = decimalParts(cell, decimal, /€|EUR/giu);
  if (!parts) return refuse('import.values.number');
  const fraction = parts.fraction.replace(/0+$/, '');
  if (fraction.length > 2) return refuse('import.values.moneyCents');
  const value = safeInteger(`${parts.whole}${fraction.padEnd(2, '0')}`, parts.negative);
  return value === null ? refuse('import.values.tooLarge') : { ok: true, value };
}

/** A percentage 0–100 as exported ("60", "12,5"; also "60 %"); decimals kept, out of range refused. */
export function readPercent(cell: string, decimal: DecimalMark): ReadResult<number> {
  const parts = decimalParts(cell, decimal, /%/gu);
  if (!parts) return refuse('import.values.number');
  const value = Number(`${parts.negative ? '-' : ''}${parts.whole}.${parts.fraction || '0'}`);
  if (!(value >= 0 && value <= 100)) return refuse('import.values.percentRange');
  return { ok: true, value: value === 0 ? 0 : value };
}
