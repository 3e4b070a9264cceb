// Calendar date and wall-clock time in Europe/Berlin, the time zone of every date the users see.

const BERLIN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Zero-padded parts: year 4 digits, the others 2. */
export type BerlinDateParts = { year: string; month: string; day: string; hour: string; minute: string };

type WallClock = BerlinDateParts & { second: string };

function wallClock(instant: Date): WallClock {
  const parts: WallClock = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of BERLIN_PARTS.formatToParts(instant)) {
    if (
      part.type === 'year' ||
      part.type === 'month' ||
      part.type === 'day' ||
      part.type === 'hour' ||
      part.type === 'minute' ||
      part.type === 'second'
    ) {
      parts[part.type] = part.value;
    }
  }
  parts.year = parts.year.padStart(4, '0');
  return parts;
}

const HOUR_MS = 3_600_000;
// Years Intl writes as four plain digits (no era), as civil() below does.
const FIRST_CACHED = Date.UTC(1000, 0, 1);
const LAST_CACHED = Date.UTC(9999, 0, 1);
const MAX_CACHED_HOURS = 100_000;

/** Berlin's offset from UTC in ms at a whole second, from Intl's own wall clock. */
function offsetAt(secondMs: number): number {
  const wall = wallClock(new Date(secondMs));
  return (
    Date.UTC(Number(wall.year), Number(wall.month) - 1, Number(wall.day), Number(wall.hour), Number(wall.minute), Number(wall.second)) -
    secondMs
  );
}

// Intl.formatToParts costs microseconds per call, which an export of 100,000 tickets with two
// dates each pays 200,000 times. The offset is the same for a whole UTC hour unless the clocks
// change inside it, so it is asked once per hour; an hour with a change (its first and last
// second differ) is always asked of Intl directly.
const hourOffsets = new Map<number, number | null>();

function cachedOffset(ms: number): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = hourOffsets.get(hour);
  if (offset === undefined) {
    const first = offsetAt(hour * HOUR_MS);
    offset = first === offsetAt(hour * HOUR_MS + HOUR_MS - 1_000) ? first : null;
    if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
    hourOffsets.set(hour, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;
const two = (value: number) => String(value).padStart(2, '0');

/** The proleptic Gregorian date and time of UTC milliseconds, by arithmetic (H. Hinnant's civil_from_days). */
function civil(ms: number): BerlinDateParts {
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: String(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)),
    month: two(month),
    day: two(dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1),
    hour: two(Math.floor(inDay / HOUR_MS)),
    minute: two(Math.floor((inDay % HOUR_MS) / 60_000)),
  };
}

/** An instant as a Date or as UTC milliseconds (whole ones, as a Date holds them). */
export function berlinDateParts(instant: Date | number): BerlinDateParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const offset = ms >= FIRST_CACHED && ms < LAST_CACHED ? cachedOffset(ms) : null;
  if (offset === null) {
    const { year, month, day, hour, minute } = wallClock(typeof instant === 'number' ? new Date(ms) : instant);
    return { year, month, day, hour, minute };
  }
  // No Date is made here: Next.js wraps the Date constructor, which makes each one costly.
  return civil(ms + offset);
}

/** The Berlin calendar day of an instant as `yyyy-mm-dd`. */
export function berlinIsoDate(instant: Date | number): string {
  const { year, month, day } = berlinDateParts(instant);
  return `${year}-${month}-${day}`;
}

/** An instant's Berlin wall-clock time to the minute, `yyyy-mm-ddThh:mm`. */
export function berlinWallClock(instant: Date | number): string {
  const { year, month, day, hour, minute } = berlinDateParts(instant);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/**
 * The instant of a Berlin wall-clock time (`yyyy-mm-dd`, midnight, or `yyyy-mm-ddThh:mm`) in UTC
 * milliseconds. Midnight is always one instant in Berlin; a time the clocks skip or pass twice (02:00 to
 * 03:00 on the last Sundays of March and October) resolves to an instant within that hour's reach.
 */
export function berlinInstant(wall: string): number {
  const [date, time = '00:00'] = wall.split('T');
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guess, then at the corrected guess: at most one change of offset lies between.
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return second === first ? first : Math.min(first, second);
}

/** A calendar date `days` days after `isoDate` (both `YYYY-MM-DD`; negative: before). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
