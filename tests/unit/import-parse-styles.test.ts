// Number and date notation of a column, and the cells that fit neither.
import { describe, expect, it } from 'vitest';
import { dateInStyle, detectDateStyle, detectNumberStyle } from '@/lib/import/parse/styles';

describe('detectNumberStyle', () => {
  it('takes the decimal comma from cells only it reads', () => {
    expect(detectNumberStyle(['1.234,56', '12,5', '-250,00', '', '7'])).toEqual({ style: 'comma', decidedBy: 'cells', misfits: [] });
  });

  it('takes the decimal point from cells only it reads', () => {
    expect(detectNumberStyle(['1,234.56', '12.5', '-250.00', '7'])).toEqual({ style: 'point', decidedBy: 'cells', misfits: [] });
  });

  it('lists the cells that fit neither or the other style', () => {
    expect(detectNumberStyle(['12,5', '3,25', 'viel', '1.5', '1.234.5'])).toEqual({
      style: 'comma',
      decidedBy: 'cells',
      misfits: [
        { index: 2, value: 'viel' },
        { index: 3, value: '1.5' },
        { index: 4, value: '1.234.5' },
      ],
    });
  });

  it('resolves "1,234" and "1.234" by the file, then the delimiter, then comma', () => {
    expect(detectNumberStyle(['1,234', '5'], { fileStyle: 'point', delimiter: ';' })).toMatchObject({ style: 'point', decidedBy: 'file' });
    expect(detectNumberStyle(['1,234'], { delimiter: ',' })).toMatchObject({ style: 'point', decidedBy: 'delimiter' });
    expect(detectNumberStyle(['1.234'], { delimiter: ';' })).toMatchObject({ style: 'comma', decidedBy: 'delimiter' });
    expect(detectNumberStyle(['1.234'], { delimiter: '\t' })).toMatchObject({ style: 'comma', decidedBy: 'delimiter' });
    expect(detectNumberStyle([])).toEqual({ style: 'comma', decidedBy: 'default', misfits: [] });
  });
});

describe('detectDateStyle', () => {
  it('reads TT.MM.JJJJ, T.M.JJJJ and our Excel datetimes as German', () => {
    expect(detectDateStyle(['27.11.2026', '1.2.2027', '', '27.11.2026 09:05'])).toEqual({ style: 'german', misfits: [] });
  });

  it('reads ISO dates and datetimes as ISO and lists the cells that are no date', () => {
    expect(detectDateStyle(['2026-11-27', '2026-11-27T08:05:00.000Z', 'morgen', '27.11.2026', '2026-02-30'])).toEqual({
      style: 'iso',
      misfits: [
        { index: 2, value: 'morgen' },
        { index: 3, value: '27.11.2026' },
        { index: 4, value: '2026-02-30' },
      ],
    });
  });

  it('finds no style in a column without dates', () => {
    expect(detectDateStyle(['', 'x'])).toEqual({ style: null, misfits: [{ index: 1, value: 'x' }] });
  });

  it('gives the day of a cell as YYYY-MM-DD, real days only', () => {
    expect(dateInStyle('1.2.2027', 'german')).toBe('2027-02-01');
    expect(dateInStyle(' 29.02.2028 ', 'german')).toBe('2028-02-29');
    expect(dateInStyle('29.02.2027', 'german')).toBeNull();
    expect(dateInStyle('2026-11-27T23:30:00Z', 'iso')).toBe('2026-11-27');
    expect(dateInStyle('2026-13-01', 'iso')).toBeNull();
    expect(dateInStyle('27.11.2026 09:05', 'german')).toBe('2026-11-27');
  });

  it('reads LibreOffice German two-digit years as 1930–2029', () => {
    expect(detectDateStyle(['27.11.26', '1.2.27', '31.12.29 12:00'])).toEqual({ style: 'german', misfits: [] });
    expect(dateInStyle('27.11.26', 'german')).toBe('2026-11-27');
    expect(dateInStyle('01.01.30', 'german')).toBe('1930-01-01');
    expect(dateInStyle('29.02.00', 'german')).toBe('2000-02-29');
    expect(dateInStyle('1.2.027', 'german')).toBeNull();
  });
});
