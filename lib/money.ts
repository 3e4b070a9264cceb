// Euro amounts typed by people ("12.500,00", "13,500.50", "1.250,5 €") to integer cents, and back for inputs,
// both in the user's language.
import type { Locale } from '@/db/schema';

/** The largest amount accepted: 100 billion euros, far beyond any deal, far below 2^53 cents. */
export const MAX_CENTS = 10_000_000_000_000;

/** The decimal separator of each language; the other of `.` and `,` groups thousands. */
const DECIMAL: Record<Locale, '.' | ','> = { de: ',', en: '.' };

const INPUT_FORMAT: Record<Locale, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** Digits grouped by `separator` in threes ("1.234.567"), the first group 1–3 digits not starting with 0. */
function ungroup(text: string, separator: string): string | null {
  const groups = text.split(separator);
  if (groups.length === 1) return /^\d+$/.test(text) ? text : null;
  const [first, ...rest] = groups;
  return /^[1-9]\d{0,2}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group)) ? groups.join('') : null;
}

/** Whole euros and decimal digits to cents; digits past the cents must be zeros ("1.500" en = 1,50 €). */
function toCents(whole: string, fraction: string): number | null {
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || /[1-9]/.test(fraction.slice(2))) return null;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return Number.isSafeInteger(cents) && cents <= MAX_CENTS ? cents : null;
}

/**
 * Reads a euro amount as a user of `locale` types it; null when it is not an amount. The one place
 * these rules live:
 *
 * 1. Spaces, `€` and `EUR` are ignored; a leading `-` makes it negative (schemas refuse those where
 *    amounts must be ≥ 0). What remains must be digits with at most `.` and `,` between them.
 * 2. No separator: whole euros ("13500").
 * 3. Both `.` and `,`: unambiguous in either language. The last separator is the decimal one, the other
 *    groups thousands before it ("13.500,50" and "13,500.50" are both 13 500,50 € for everyone).
 * 4. One separator, several times: it groups thousands ("1.000.000", "1,000,000").
 * 5. One separator, once: a decimal separator, or a thousands separator when exactly three digits follow
 *    and one to three (not starting with 0) precede it. When both readings fit ("1.500": 1,50 € in en,
 *    1 500 € in de), the user's language decides; otherwise the only fitting one holds, so the other
 *    language's form is accepted ("13500.50" for a de user, "13500,50" for an en user).
 * 6. At most two decimal places carry value: further digits must be zeros ("1,500" de = 1,50 €),
 *    anything finer than a cent is refused rather than rounded ("12,345" de).
 */
export function parseEuroToCents(input: string, locale: Locale): number | null {
  const text = input.replace(/\s|€|EUR/gi, '');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) return null;
  const separators = [...new Set(body.replace(/\d/g, ''))];
  let cents: number | null;
  if (separators.length === 0) {
    cents = toCents(body, '');
  } else if (separators.length === 2) {
    const decimalAt = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
    const whole = ungroup(body.slice(0, decimalAt), body[decimalAt] === ',' ? '.' : ',');
    cents = whole === null ? null : toCents(whole, body.slice(decimalAt + 1));
  } else {
    const separator = separators[0];
    const parts = body.split(separator);
    if (parts.length > 2) {
      const whole = ungroup(body, separator);
      cents = whole === null ? null : toCents(whole, '');
    } else {
      const [whole, fraction] = parts;
      const asThousands = ungroup(body, separator);
      const decimal = asThousands === null || separator === DECIMAL[locale];
      cents = decimal ? toCents(whole, fraction) : toCents(asThousands, '');
    }
  }
  if (cents === null) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** Cents as an input's value in the user's notation, without currency sign ("12.500,00" / "12,500.00"). */
export function centsToEuroInput(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '';
  return INPUT_FORMAT[locale].format(cents / 100);
}
