// The pure parts of the partner pages: the name core of the duplicate check and the list's URL parameters.
import { describe, expect, it } from 'vitest';
import { normalisePartnerName } from '@/lib/partners/queries';
import { parsePartnerListParams, serialisePartnerListParams } from '@/lib/partners/schemas';

describe('normalisePartnerName', () => {
  it('drops case, legal forms and punctuation', () => {
    expect(normalisePartnerName('Müller & Söhne GmbH & Co. KG')).toBe('müller söhne');
    expect(normalisePartnerName('Weber Bau e. K.')).toBe('weber bau');
    expect(normalisePartnerName('Weber Bau e.K.')).toBe('weber bau');
    expect(normalisePartnerName('Hanse Logistik UG (haftungsbeschränkt)')).toBe('hanse logistik');
    expect(normalisePartnerName('Elbe Datentechnik mbH')).toBe('elbe datentechnik');
    expect(normalisePartnerName('Schmidt-Krause Beratung AG')).toBe('schmidt krause beratung');
    expect(normalisePartnerName('ALPEN SOLARTECHNIK OHG')).toBe('alpen solartechnik');
  });

  it('is empty for a name that is only a legal form, and equal for composed and decomposed umlauts', () => {
    expect(normalisePartnerName('  GmbH & Co. KG ')).toBe('');
    expect(normalisePartnerName('Mu\u0308ller GmbH')).toBe(normalisePartnerName('Müller GmbH'));
  });
});

describe('partner list parameters', () => {
  it('fall back to name ascending for anything unknown and cut the search term to size', () => {
    expect(parsePartnerListParams({})).toEqual({ q: '', sort: 'name', dir: 'asc' });
    expect(parsePartnerListParams({ sort: 'crmStatus', dir: 'sideways', q: ['  Kiel ', 'Ulm'] })).toEqual({
      q: 'Kiel',
      sort: 'name',
      dir: 'asc',
    });
    expect(parsePartnerListParams({ q: 'x'.repeat(10_000) }).q).toHaveLength(200);
  });

  it('round-trip through the query string, defaults left out', () => {
    const params = { q: 'Bau & Co', sort: 'gpid', dir: 'desc' } as const;
    const search = serialisePartnerListParams(params);
    expect(search.toString()).toBe('q=Bau+%26+Co&sort=gpid&dir=desc');
    expect(parsePartnerListParams(Object.fromEntries(search))).toEqual(params);
    expect(serialisePartnerListParams({ q: '', sort: 'name', dir: 'asc' }).toString()).toBe('');
  });
});
