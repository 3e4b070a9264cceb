import { describe, expect, it } from 'vitest';
import { centsToEuroInput, parseEuroToCents } from '@/lib/money';

describe('parseEuroToCents', () => {
  it('reads German notation, with or without thousands separators and currency', () => {
    expect(parseEuroToCents('12.500,00')).toBe(1_250_000);
    expect(parseEuroToCents('12500')).toBe(1_250_000);
    expect(parseEuroToCents('12.500')).toBe(1_250_000);
    expect(parseEuroToCents('1.250,5 €')).toBe(125_050);
    expect(parseEuroToCents(' 0,99 ')).toBe(99);
    expect(parseEuroToCents('1.000.000,01')).toBe(100_000_001);
    expect(parseEuroToCents('-250,00')).toBe(-25_000);
  });

  it('accepts a plain decimal point when there is no comma', () => {
    expect(parseEuroToCents('12500.50')).toBe(1_250_050);
    expect(parseEuroToCents('99.9')).toBe(9_990);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '12,500.00', '1,234,567', '12,345', '1.2.3', '12,5,0', '1e5', 'NaN', '0x10', '10,999', '9'.repeat(30)]) {
      expect(parseEuroToCents(bad), bad).toBeNull();
    }
  });
});

describe('centsToEuroInput', () => {
  it('writes German notation for inputs and round-trips', () => {
    expect(centsToEuroInput(1_250_000)).toBe('12.500,00');
    expect(centsToEuroInput(null)).toBe('');
    for (const cents of [0, 1, 99, 100, 123_456_789]) expect(parseEuroToCents(centsToEuroInput(cents))).toBe(cents);
  });
});
