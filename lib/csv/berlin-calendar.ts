// Calendar date and wall-clock time in Europe/Berlin, the time zone of every date the users see.

const BERLIN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Zero-padded parts: year 4 digits, the others 2. */
export type BerlinDateParts = { year: string; month: string; day: string; hour: string; minute: string };

export function berlinDateParts(instant: Date): BerlinDateParts {
  const parts: BerlinDateParts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of BERLIN_PARTS.formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute') {
      parts[part.type] = part.value;
    }
  }
  parts.year = parts.year.padStart(4, '0');
  return parts;
}

/** The Berlin calendar day of an instant as `yyyy-mm-dd`. */
export function berlinIsoDate(instant: Date): string {
  const { year, month, day } = berlinDateParts(instant);
  return `${year}-${month}-${day}`;
}
