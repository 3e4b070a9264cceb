// A small iCalendar writer (RFC 5545) for published, read-only calendars: text escaping, lines folded
// at 75 octets without splitting a UTF-8 character, CRLF line ends. Pure, so its output is tested
// byte by byte and parsed by a real parser in the tests.

/** When an event happens: a whole day (`YYYY-MM-DD`), or an instant (UTC ms) lasting some minutes. */
export type CalendarEventStart = { date: string } | { instant: number; minutes: number };

export type CalendarEvent = {
  /** Stable per event: a client replaces the event of the same UID when the feed moves it. */
  uid: string;
  start: CalendarEventStart;
  summary: string;
  description?: string;
  /** An absolute address (a URI, not escaped as text). */
  url?: string;
};

export type Calendar = {
  prodId: string;
  name: string;
  /** DTSTAMP of every event: when the feed was written (UTC ms). */
  stamp: number;
  /** How often a client should fetch the feed again. */
  refreshMinutes?: number;
  events: readonly CalendarEvent[];
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; other controls dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // Control characters (but tab and newline) are not allowed in TEXT.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (char) => `\\${char}`)
      .replace(/\n/g, '\\n')
  );
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * One content line folded to lines of at most 75 octets (RFC 5545 3.1): each continuation starts
 * with a space, which counts. Splits between code points only, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A UTC DATE-TIME value, `YYYYMMDDTHHMMSSZ`. */
export function utcDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** A DATE value from `YYYY-MM-DD`. */
function dateValue(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** The day after `YYYY-MM-DD`, as a DATE value (a whole-day event ends there, exclusive). */
function nextDateValue(isoDate: string): string {
  const next = new Date(`${isoDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return utcDateTime(next.getTime()).slice(0, 8);
}

// DTEND rather than DURATION: the two mean the same (RFC 5545 3.6.1), and every client reads DTEND,
// while older Outlook versions have been known to drop a DURATION.
function eventTimes(start: CalendarEventStart): string[] {
  if ('date' in start) {
    return [`DTSTART;VALUE=DATE:${dateValue(start.date)}`, `DTEND;VALUE=DATE:${nextDateValue(start.date)}`];
  }
  return [`DTSTART:${utcDateTime(start.instant)}`, `DTEND:${utcDateTime(start.instant + start.minutes * 60_000)}`];
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    ...eventTimes(event.start),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    // A URI value: escaping it as text would change the address; CR and LF cannot occur in one.
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, '')}`] : []),
    // A reminder to do something, not time the user is busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The whole calendar as text: folded CRLF lines, ending with CRLF. */
export function writeCalendar(calendar: Calendar): string {
  const stamp = utcDateTime(calendar.stamp);
  const refresh = calendar.refreshMinutes
    ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`]
    : [];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...refresh,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
