import { describe, expect, it } from 'vitest';
import { AREAS, de, en } from '@/lib/i18n/dictionaries';
import { formatter, translateError, translator } from '@/lib/i18n';

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const text of [...Object.values(de), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it("never let one area overwrite another's key", () => {
    expect(Object.values(AREAS).reduce((sum, module) => sum + Object.keys(module.de).length, 0)).toBe(Object.keys(de).length);
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(de) as (keyof typeof de)[]) expect(placeholders(en[key])).toEqual(placeholders(de[key]));
  });
});

describe('translator', () => {
  it('speaks German by default terms and fills placeholders', () => {
    const t = translator('de');
    expect(t('login.email')).toBe('E-Mail');
    expect(t('users.editTitle', { name: 'Petra' })).toBe('Benutzer bearbeiten: Petra');
    expect(translator('en')('login.password')).toBe('Password');
  });

  it('turns unknown error codes into a generic message, never the raw code', () => {
    expect(translateError(translator('de'), 'staleVersion')).toMatch(/inzwischen geändert/);
    expect(translateError(translator('de'), 'no-such-code')).toBe('Ungültiger Wert.');
  });
});

describe('formatter', () => {
  it('formats cents, percentages and dates per locale (Berlin time)', () => {
    const german = formatter('de');
    expect(german.money(1_250_050)).toBe('12.500,50\u00a0€');
    expect(german.percent(45)).toBe('45\u00a0%');
    expect(german.date(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe('01.01.2027');
    const english = formatter('en');
    expect(english.money(1_250_050)).toBe('€12,500.50');
    expect(english.percent(45)).toBe('45%');
  });
});
