// Lookup entries named in import cells, resolved to ids.
import { describe, expect, it } from 'vitest';
import { readNameList, resolveLookupNames, type LookupEntry } from '@/lib/import/match/lookups';

const PRODUCTS: LookupEntry[] = [
  { id: 1, name: 'Support', archived: false },
  { id: 2, name: 'Lizenz', archived: false },
  { id: 3, name: 'Altprodukt', archived: true },
  { id: 4, name: 'Beratung, Planung', archived: false },
  { id: 5, name: 'Beratung', archived: false },
];

describe('readNameList', () => {
  it('splits at commas, trims, drops empties and repeats in another case', () => {
    expect(readNameList(' Support, Lizenz,, support ,')).toEqual(['Support', 'Lizenz']);
    expect(readNameList('')).toEqual([]);
  });
});

describe('resolveLookupNames', () => {
  it('finds entries case-insensitively and trimmed, in order, without repeats', () => {
    expect(resolveLookupNames(['lizenz', ' SUPPORT ', 'Lizenz'], PRODUCTS)).toEqual({ ok: true, ids: [2, 1] });
    expect(resolveLookupNames([], PRODUCTS)).toEqual({ ok: true, ids: [] });
  });

  it('names the unknown names', () => {
    expect(resolveLookupNames(['Support', 'Wartung', 'Schulung'], PRODUCTS)).toEqual({
      ok: false,
      unknown: ['Wartung', 'Schulung'],
      archived: [],
    });
  });

  it('keeps an archived entry the record carries, refuses it as a new choice', () => {
    expect(resolveLookupNames(['Altprodukt'], PRODUCTS, [3])).toEqual({ ok: true, ids: [3] });
    expect(resolveLookupNames(['altprodukt'], PRODUCTS, [1])).toEqual({ ok: false, unknown: [], archived: ['Altprodukt'] });
  });

  it('reads a name with a comma as one entry when it exists, else as its parts', () => {
    expect(resolveLookupNames(readNameList('Support, Beratung, Planung'), PRODUCTS)).toEqual({ ok: true, ids: [1, 4] });
    expect(resolveLookupNames(readNameList('Beratung, Support'), PRODUCTS)).toEqual({ ok: true, ids: [5, 1] });
    expect(resolveLookupNames(readNameList('Planung, Beratung'), PRODUCTS)).toEqual({ ok: false, unknown: ['Planung'], archived: [] });
  });

  it('prefers the active entry of two with one name in different case', () => {
    const entries = [
      { id: 7, name: 'crm', archived: true },
      { id: 8, name: 'CRM', archived: false },
    ];
    expect(resolveLookupNames(['Crm'], entries)).toEqual({ ok: true, ids: [8] });
  });
});
