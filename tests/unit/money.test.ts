import { describe, expect, it } from 'vitest';
import { centsToEuroInput, MAX_CENTS, parseEuroToCents } from '@/lib/money';

const de = (text: string) => parseEuroToCents(text, 'de');
const en = (text: string) => parseEuroToCents(text, 'en');

describe("parseEuroToCents: the user's own notation", () => {
  it('reads German notation, with or without thousands separators and currency', () => {
    expect(de('12.500,00')).toBe(1_250_000);
    expect(de('13.500,50')).toBe(1_350_050);
    expect(de('13500,50')).toBe(1_350_050);
    expect(de('12500')).toBe(1_250_000);
    expect(de('12.500')).toBe(1_250_000);
    expect(de('1.250,5 €')).toBe(125_050);
    expect(de(' 0,99 ')).toBe(99);
    expect(de('1.000.000,01')).toBe(100_000_001);
    expect(de('-250,00')).toBe(-25_000);
    expect(de('EUR 13 500,50')).toBe(1_350_050);
  });

  it('reads English notation, with or without thousands separators and currency', () => {
    expect(en('13,500.50')).toBe(1_350_050);
    expect(en('13500.50')).toBe(1_350_050);
    expect(en('12,500')).toBe(1_250_000);
    expect(en('€12,500.00')).toBe(1_250_000);
    expect(en('0.99')).toBe(99);
    expect(en('1,000,000.01')).toBe(100_000_001);
    expect(en('-250.00')).toBe(-25_000);
    expect(en('99.9')).toBe(9_990);
  });
});

describe("parseEuroToCents: ambiguous values follow the user's language", () => {
  it('reads one separator before exactly three digits as the language says', () => {
    expect(de('1.500')).toBe(150_000);
    expect(en('1.500')).toBe(150);
    expect(en('1,500')).toBe(150_000);
    expect(de('1,500')).toBe(150);
  });

  it("refuses what the user's language reads as finer than a cent, instead of guessing the other language", () => {
    expect(de('12,345')).toBeNull();
    expect(de('10,999')).toBeNull();
    expect(en('12.345')).toBeNull();
  });
});

describe('parseEuroToCents: the other common form where it is unambiguous', () => {
  it('takes the last of two different separators as the decimal one, for either language', () => {
    for (const parse of [de, en]) {
      expect(parse('13,500.50')).toBe(1_350_050);
      expect(parse('13.500,50')).toBe(1_350_050);
      expect(parse('1,234,567.8')).toBe(123_456_780);
      expect(parse('1.234.567,8')).toBe(123_456_780);
    }
  });

  it('reads a separator that cannot group thousands as the decimal one', () => {
    expect(de('13500.50')).toBe(1_350_050);
    expect(de('99.9')).toBe(9_990);
    expect(en('13500,50')).toBe(1_350_050);
    expect(en('0,5')).toBe(50);
    expect(de('0.500')).toBe(50);
  });

  it('reads a separator repeated in groups of three as thousands', () => {
    expect(de('1,000,000')).toBe(100_000_000);
    expect(en('1.000.000')).toBe(100_000_000);
  });
});

describe('parseEuroToCents: what is not an amount', () => {
  it('refuses malformed groups, letters, several decimal separators and overflow', () => {
    const bad = [
      '',
      ' ',
      '€',
      'abc',
      '1.2.3',
      '12,5,0',
      '1,23.4,5',
      '1.000,000,00',
      '12.34.567',
      '1,2345,678',
      '1e5',
      'NaN',
      '0x10',
      '+5',
      '--5',
      '5-',
      '.5',
      ',50',
      '5.',
      '5,',
      '12.500,555',
      '9'.repeat(30),
      '100000000000,01',
    ];
    for (const text of bad) {
      expect(de(text), `de ${text}`).toBeNull();
      expect(en(text), `en ${text}`).toBeNull();
    }
  });

  it('accepts the largest amount and no more', () => {
    expect(de('100.000.000.000,00')).toBe(MAX_CENTS);
    expect(en('100,000,000,000.00')).toBe(MAX_CENTS);
    expect(en('100,000,000,000.01')).toBeNull();
  });

  it('never answers minus zero', () => {
    expect(Object.is(de('-0,00'), 0)).toBe(true);
  });
});

describe('centsToEuroInput', () => {
  it("writes the user's notation for inputs", () => {
    expect(centsToEuroInput(1_350_050, 'de')).toBe('13.500,50');
    expect(centsToEuroInput(1_350_050, 'en')).toBe('13,500.50');
    expect(centsToEuroInput(null, 'de')).toBe('');
    expect(centsToEuroInput(undefined, 'en')).toBe('');
  });

  it('round-trips through the parser in both languages', () => {
    for (const locale of ['de', 'en'] as const) {
      for (const cents of [0, 1, 99, 100, 150_000, 123_456_789, MAX_CENTS]) {
        expect(parseEuroToCents(centsToEuroInput(cents, locale), locale), `${locale} ${cents}`).toBe(cents);
      }
    }
  });
});
