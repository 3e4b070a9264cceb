// Numbers as spreadsheets and parsers read them: no thousands separator, no exponent, the dialect's decimal mark.

// signDisplay 'negative': no "-0" for -0 or for values that round to zero.
const PLAIN_DECIMAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 10, signDisplay: 'negative' });

/** Integer euro cents as euros with two decimals (`-250,00`), exact for every safe integer. */
export function formatCents(cents: number, decimalSeparator: string): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const rest = absolute % 100;
  const euros = (absolute - rest) / 100;
  return `${sign}${euros}${decimalSeparator}${String(rest).padStart(2, '0')}`;
}

/** Any finite number, at most 10 decimals (which also hides binary rounding noise such as 0.1 + 0.2). */
export function formatDecimal(value: number, decimalSeparator: string): string {
  const text = PLAIN_DECIMAL.format(value);
  return decimalSeparator === '.' ? text : text.replace('.', decimalSeparator);
}
