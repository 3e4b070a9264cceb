// Berlin wall-clock parts: the hour-offset cache must answer exactly what Intl answers, across
// clock changes, the historical offsets and the whole range of years.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinDateParts, berlinIsoDate } from '@/lib/csv/berlin-calendar';

const INTL = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** What Intl itself says, year padded to four digits: the reference the cache must match. */
function intlParts(instant: Date) {
  const parts = Object.fromEntries(INTL.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: parts.year.padStart(4, '0'), month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

describe('berlinDateParts', () => {
  it('shows the wall clock on both sides of the spring and autumn clock changes of 2025', () => {
    expect(berlinDateParts(new Date('2025-03-30T00:59:59Z'))).toEqual({ year: '2025', month: '03', day: '30', hour: '01', minute: '59' });
    expect(berlinDateParts(new Date('2025-03-30T01:00:00Z'))).toEqual({ year: '2025', month: '03', day: '30', hour: '03', minute: '00' });
    expect(berlinDateParts(new Date('2025-10-26T00:59:00Z'))).toEqual({ year: '2025', month: '10', day: '26', hour: '02', minute: '59' });
    expect(berlinDateParts(new Date('2025-10-26T01:00:00Z'))).toEqual({ year: '2025', month: '10', day: '26', hour: '02', minute: '00' });
  });

  it('counts an instant just before Berlin midnight to that day and one just after to the next', () => {
    expect(berlinIsoDate(new Date('2025-07-14T21:59:59.999Z'))).toBe('2025-07-14');
    expect(berlinIsoDate(new Date('2025-07-14T22:00:00Z'))).toBe('2025-07-15');
    expect(berlinIsoDate(new Date('2025-01-14T22:59:59.999Z'))).toBe('2025-01-14');
    expect(berlinIsoDate(new Date('2025-01-14T23:00:00Z'))).toBe('2025-01-15');
  });

  it('agrees with Intl for any instant, as a Date or as UTC milliseconds, asked in any order (years 0001 to 9999)', () => {
    const instant = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 50 }), (instants) => {
        for (const ms of instants) {
          expect(berlinDateParts(new Date(ms))).toEqual(intlParts(new Date(ms)));
          expect(berlinDateParts(ms)).toEqual(intlParts(new Date(ms)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with Intl minute by minute around the clock changes and the local mean time of 1893', () => {
    const starts = ['1893-03-31T22:00:00Z', '1945-05-23T23:00:00Z', '1980-04-05T23:00:00Z', '2025-03-30T00:00:00Z', '2025-10-26T00:00:00Z'];
    for (const start of starts) {
      for (let minute = 0; minute < 180; minute += 1) {
        const value = new Date(Date.parse(start) + minute * 60_000 + 17_000);
        expect(berlinDateParts(value)).toEqual(intlParts(value));
      }
    }
  });
});
