// Dates and times as our exports write them (lib/csv/columns.ts): `excel` TT.MM.JJJJ and TT.MM.JJJJ HH:MM
// (Berlin wall clock), `rfc4180` YYYY-MM-DD and ISO instants (toISOString). ISO forms are unambiguous and
// read in either style; impossible days (30.02.) are refused, not rolled over.
import { berlinInstant } from '@/lib/csv/berlin-calendar';
import { fullYear } from '../parse/styles';
import { refuse, type ReadResult } from './reasons';

// A two-digit year as LibreOffice in German settings saves a date ("27.11.26"), read as the file's style detection reads it.
const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

const pad = (value: string, width: number) => value.padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of year, month and day digits, or null when that day does not exist. */
function calendarDay(year: string, month: string, day: string): string | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A calendar day as `YYYY-MM-DD`: "31.01.2025", "1.2.2025", "31.01.25" (2025) or "2025-01-31". */
export function readDate(cell: string): ReadResult<string> {
  const text = cell.trim();
  const dmy = DMY.exec(text);
  const iso = dmy ? null : ISO.exec(text);
  if (!dmy && !iso) return refuse('import.values.date');
  const day = dmy ? calendarDay(fullYear(dmy[3]), dmy[2], dmy[1]) : calendarDay(iso![1], iso![2], iso![3]);
  return day === null ? refuse('import.values.dateInvalid') : { ok: true, value: day };
}

/**
 * An instant as UTC milliseconds: "31.01.2025 14:05" (Berlin wall clock, as `excel` writes it; seconds
 * optional) or ISO "2025-01-31T13:05:00.000Z" (an ISO time without offset is Berlin wall clock too).
 * A wall-clock time the clocks pass twice reads as berlinInstant resolves it.
 */
export function readDateTime(cell: string): ReadResult<number> {
  const text = cell.trim();
  const dmy = DMY_TIME.exec(text);
  const iso = dmy ? null : ISO_TIME.exec(text);
  if (!dmy && !iso) return refuse('import.values.datetime');
  const [year, month, day, hour, minute, second = '0', milli = '0', zone] = dmy
    ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6]]
    : [iso![1], iso![2], iso![3], iso![4], iso![5], iso![6], iso![7], iso![8]];
  const date = calendarDay(year, month, day);
  if (date === null || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return refuse('import.values.dateInvalid');
  const extra = Number(second) * 1000 + Number(milli.padEnd(3, '0'));
  const time = `${pad(hour, 2)}:${minute}`;
  const value = zone ? Date.parse(`${date}T${time}:00${zone}`) + extra : berlinInstant(`${date}T${time}`) + extra;
  return Number.isFinite(value) ? { ok: true, value } : refuse('import.values.datetime');
}
