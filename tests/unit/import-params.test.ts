// The dry run's URL (components/data-manager/import/params.ts): options with their defaults, the
// checkbox after its hidden "0", entries only for whom may create them, the hand mapping per header.
import { describe, expect, it } from 'vitest';
import { handMappingFrom, optionsFrom, optionsSearch, rowFilterFrom, savedMappingIdFrom } from '@/components/data-manager/import/params';

describe('the dry run URL', () => {
  it('reads the options: defaults, the ticked checkbox after its hidden 0, entries only when allowed', () => {
    expect(optionsFrom({}, true)).toEqual({ existing: 'update', createNew: true, createMissingEntries: false });
    expect(optionsFrom({ existing: 'skip', createNew: '0', entries: '1' }, false)).toEqual({
      existing: 'skip',
      createNew: false,
      createMissingEntries: false,
    });
    expect(optionsFrom({ existing: 'bogus', createNew: ['0', '1'], entries: '1' }, true)).toEqual({
      existing: 'update',
      createNew: true,
      createMissingEntries: true,
    });
    const options = { existing: 'skip', createNew: false, createMissingEntries: true } as const;
    expect(optionsFrom(Object.fromEntries(optionsSearch(options)), true)).toEqual(options);
  });

  it('reads the hand mapping per header, "-" as not imported, and is safe from prototype names', () => {
    const mapping = handMappingFrom({ 'm.Firma': 'name', 'm.Alt': '-', 'm.Leer': '', other: 'x', 'm.__proto__': 'city' });
    expect(mapping).toEqual(
      Object.fromEntries([
        ['Firma', 'name'],
        ['Alt', null],
        ['__proto__', 'city'],
      ]),
    );
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
  });

  it('reads the saved mapping id and the row filter, ignoring anything else', () => {
    expect(savedMappingIdFrom({ mapping: '7' })).toBe(7);
    expect(savedMappingIdFrom({ mapping: '-1' })).toBeUndefined();
    expect(savedMappingIdFrom({ mapping: 'x' })).toBeUndefined();
    expect(rowFilterFrom({ action: 'error' })).toBe('error');
    expect(rowFilterFrom({ action: 'drop' })).toBeUndefined();
  });
});
