// The iCalendar writer byte by byte (escaping, folding at 75 octets without splitting a character,
// CRLF) and read back by Mozilla's parser (ical.js, the one Thunderbird uses).
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, utcDateTime, writeCalendar, type CalendarEvent } from '@/lib/crm/followups/ical';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

function calendarOf(events: CalendarEvent[]): string {
  return writeCalendar({ prodId: '-//Test//DE', name: 'Meine Wiedervorlagen', stamp: Date.UTC(2026, 11, 6, 9, 5, 7), events });
}

function parsedEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('text escaping', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('Tab\tbleibt\u0007, Glocke nicht')).toBe('Tab\tbleibt\\, Glocke nicht');
    expect(escapeText('Grüße: "Müller" – ok')).toBe('Grüße: "Müller" – ok');
  });
});

describe('folding', () => {
  it('leaves a line of 75 octets alone and folds the 76th octet onto a continuation line', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // Continuation lines hold 74 octets after their leading space.
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });

  it('never splits a multi-byte character: an umlaut that would straddle the 75th octet moves on whole', () => {
    const folded = foldLine(`${'x'.repeat(74)}ü`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n ü`);
    const emoji = foldLine(`${'x'.repeat(73)}😀z`);
    expect(emoji).toBe(`${'x'.repeat(73)}\r\n 😀z`);
  });

  it('for any text: every line at most 75 octets, valid UTF-8, and unfolding gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `SUMMARY:${text.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
          expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { seed: 21, numRuns: 300 },
    );
  });
});

describe('the calendar', () => {
  const events: CalendarEvent[] = [
    { uid: 'ticket-1@crm.example', start: { date: '2026-12-06' }, summary: 'T-000001 Ganzer Tag', url: 'https://crm.example/tickets/1' },
    {
      uid: 'ticket-2@crm.example',
      start: { instant: Date.UTC(2026, 11, 6, 13, 30), minutes: 30 },
      summary: 'T-000002 Müller, Meier; Söhne – Rückruf wegen Angebot, Preis; Termin',
      description: 'Nächste Aktion: anrufen\nPartner: Müller & Söhne',
      url: 'https://crm.example/tickets/2?x=1,2',
    },
  ];
  const text = calendarOf(events);

  it('ends every line with CRLF and has no bare line feed', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('writes the calendar properties a subscribed calendar needs', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining(['CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Meine Wiedervorlagen', 'PRODID:-//Test//DE']),
    );
    expect(lines.filter((line) => line === 'DTSTAMP:20261206T090507Z')).toHaveLength(2);
    expect(lines).toContain('DTSTART;VALUE=DATE:20261206');
    expect(lines).toContain('DTEND;VALUE=DATE:20261207');
    expect(lines).toContain('DTSTART:20261206T133000Z');
    expect(lines).toContain('DTEND:20261206T140000Z');
  });

  it('reads back through ical.js with the same summaries, times and addresses', () => {
    const [day, timed] = parsedEvents(text);
    expect(day.uid).toBe('ticket-1@crm.example');
    expect(day.startDate.isDate).toBe(true);
    expect(day.startDate.toString()).toBe('2026-12-06');
    expect(day.component.getFirstPropertyValue('url')).toBe('https://crm.example/tickets/1');
    expect(timed.summary).toBe(events[1].summary);
    expect(timed.description).toBe(events[1].description);
    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 11, 6, 13, 30));
    expect(timed.duration.toSeconds()).toBe(30 * 60);
    expect(timed.component.getFirstPropertyValue('url')).toBe('https://crm.example/tickets/2?x=1,2');
  });

  it('keeps any summary intact through writing and parsing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (summary) => {
        const [event] = parsedEvents(calendarOf([{ uid: 'u@h', start: { date: '2026-01-01' }, summary }]));
        // What the writer drops (control characters) and how it writes newlines are its only changes.
        const expected = summary.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(event.summary).toBe(expected);
      }),
      { seed: 21, numRuns: 200 },
    );
  });

  it('formats UTC date-times with four-digit years and zero padding', () => {
    expect(utcDateTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('20260102T030405Z');
  });
});
