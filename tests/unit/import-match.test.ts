// Matching keys of imported rows: partners by name + postcode, contacts by e-mail, tickets by number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailMatchKey, gpidMatchKey, partnerMatchKey, partnerNameKey, ticketNumberKey } from '@/lib/import/match/keys';
import { normalisePartnerName } from '@/lib/partners/name-core';

describe('partnerMatchKey', () => {
  it.each([
    ['Müller & Söhne GmbH', '20095', 'MUELLER UND SOEHNE gmbh', '20095'],
    ['Müller & Söhne GmbH', '20095', 'Müller & Söhne GmbH & Co. KG', '20095'],
    ['Müller & Söhne GmbH', '20095', 'Mu\u0308ller + So\u0308hne', '20095'],
    ['Müller GmbH', '20095', 'Müller AG', '20095'],
    ['Weber Bau e.K.', '24103', 'Weber Bau e. K.', 'D-24103'],
    ['Hanse Logistik UG (haftungsbeschränkt)', '20457', 'hanse logistik', ' 20457 '],
    ['Hanse Logistik UG (haftungsbeschränkt)', '20457', 'Hanse Logistik UG (haftungsbeschraenkt)', '20457'],
    ['Straßenbau Nord GmbH', '10115', 'STRASSENBAU NORD', '10115'],
    ['Schmidt-Krause Beratung AG', '80331', 'Schmidt Krause, Beratung', '80331'],
    ['Café Élan OHG', '50667', 'Cafe Elan', '50667'],
    ['ÖKO Energie GbR', '01067', 'Oeko Energie', '01067'],
    ['Förderverein Kiel e.V.', '24103', 'FÖRDERVEREIN  KIEL', '24103'],
  ])('%s (%s) matches %s (%s)', (a, pa, b, pb) => {
    expect(partnerMatchKey(a, pa)).not.toBeNull();
    expect(partnerMatchKey(a, pa)).toBe(partnerMatchKey(b, pb));
  });

  it.each([
    ['Müller GmbH', '20095', 'Müller GmbH', '20097'],
    ['Müller GmbH', '20095', 'Müllers GmbH', '20095'],
    ['Müller Bau GmbH', '20095', 'Müller GmbH', '20095'],
    ['Weber Bau', '24103', 'Weberbau', '24103'],
  ])('%s (%s) does not match %s (%s)', (a, pa, b, pb) => {
    expect(partnerMatchKey(a, pa)).not.toBe(partnerMatchKey(b, pb));
  });

  it('gives no key without a name core or without a postcode', () => {
    expect(partnerMatchKey('GmbH & Co. KG', '20095')).toBeNull();
    expect(partnerMatchKey('Müller GmbH', '')).toBeNull();
    expect(partnerMatchKey('Müller GmbH', null)).toBeNull();
  });

  it('builds on the duplicate check core: names with one core have one key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('', ' GmbH', ' AG', ' GmbH & Co. KG', ' e.K.'), (name, form) => {
        return normalisePartnerName(name + form) !== normalisePartnerName(name) || partnerNameKey(name + form) === partnerNameKey(name);
      }),
      { seed: 22, numRuns: 300 },
    );
  });

  it('is idempotent on its name part', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (name) => partnerNameKey(partnerNameKey(name)) === partnerNameKey(name)),
      { seed: 22, numRuns: 300 },
    );
  });
});

describe('other keys', () => {
  it('e-mail: trimmed, lower case, null when empty', () => {
    expect(emailMatchKey('  Anna.Schulz@Example.DE ')).toBe('anna.schulz@example.de');
    expect(emailMatchKey('')).toBeNull();
    expect(emailMatchKey(null)).toBeNull();
  });

  it('ticket number: trimmed, upper case, digits padded to six', () => {
    expect(ticketNumberKey(' t-000123 ')).toBe('T-000123');
    expect(ticketNumberKey('T-123')).toBe('T-000123');
    expect(ticketNumberKey('T-1234567')).toBe('T-1234567');
    expect(ticketNumberKey('  ')).toBeNull();
    expect(ticketNumberKey('X-1')).toBe('X-1');
  });

  it('GPID: a positive whole number', () => {
    expect(gpidMatchKey(' 1042 ')).toBe(1042);
    expect(gpidMatchKey(1042)).toBe(1042);
    expect(gpidMatchKey('0')).toBeNull();
    expect(gpidMatchKey('10,5')).toBeNull();
    expect(gpidMatchKey('')).toBeNull();
  });
});
