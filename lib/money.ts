// Euro amounts typed by people ("12.500,00", "12500", "1.250,5 €") to integer cents, and back for inputs.

/** The largest amount accepted: 100 billion euros, far beyond any deal, far below 2^53 cents. */
export const MAX_CENTS = 10_000_000_000_000;

/**
 * Parses a euro amount in German notation (thousands `.`, decimals `,`), also accepting a plain
 * decimal point ("12500.50") when no comma is present. Null when it is not an amount.
 */
export function parseEuroToCents(input: string): number | null {
  const text = input.replace(/\s|€|EUR/gi, '').trim();
  if (text === '') return null;
  let normalised: string;
  if (/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(text) || /^-?\d+(,\d{1,2})?$/.test(text)) {
    normalised = text.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d+\.\d{1,2}$/.test(text)) {
    normalised = text;
  } else {
    return null;
  }
  const [whole, fraction = ''] = normalised.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return null;
  return normalised.startsWith('-') ? -cents : cents;
}

/** Cents as an input's value in German notation, without currency sign ("12.500,00"). */
export function centsToEuroInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
