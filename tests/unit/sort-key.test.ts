// The German sort key: Ä with A, ß with ss, case-insensitive, numbers by value (SPEC section 19).
import { describe, expect, it } from 'vitest';
import { compareSortKeys, contactSortKey, germanSortKey } from '@/lib/order/sort-key';

const sorted = (names: string[]) =>
  names
    .map((name, id) => ({ name, id, sortKey: germanSortKey(name) }))
    .sort(compareSortKeys)
    .map((item) => item.name);

describe('germanSortKey', () => {
  it('sorts umlauts with their vowel, ß as ss, case-insensitive and numbers by value', () => {
    expect(sorted(['Zander', 'Partner 10', 'Öko', 'Partner 9', 'Ärzte AG', 'bäcker', 'Baecker', 'Straße 2', 'Strasse 10', 'Ober'])).toEqual(
      [
        'Ärzte AG',
        // DIN 5007-1: ä is a, so "bäcker" is "backer".
        'bäcker',
        'Baecker',
        'Ober',
        'Öko',
        'Partner 9',
        'Partner 10',
        'Straße 2',
        'Strasse 10',
        'Zander',
      ],
    );
  });

  it('gives names that differ only in accents, case or leading zeros the same key, so the id decides', () => {
    expect(germanSortKey('Müller 007')).toBe(germanSortKey('MULLER 7'));
    expect(sorted(['Doppel', 'doppel'])).toEqual(['Doppel', 'doppel']);
  });

  it('orders contacts by last name, then first name', () => {
    expect(contactSortKey({ firstName: 'Anna', lastName: 'Ähm' }) < contactSortKey({ firstName: 'Bert', lastName: 'Ahn' })).toBe(true);
    expect(contactSortKey({ firstName: 'Zoe', lastName: 'Meier' }) < contactSortKey({ firstName: 'Anna', lastName: 'Meierhof' })).toBe(
      true,
    );
  });
});
