// The core of a company name (without legal forms and punctuation): the partner duplicate check and the
// import's partner matching key (lib/import/match) both start from it. Pure, so both the server and tests use it.

/** Legal forms and their parts, compared after dots and brackets are removed ("e.K." → "ek"). */
const LEGAL_FORM_WORDS = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'gbr',
  'ug',
  'haftungsbeschränkt',
  'haftungsbeschraenkt',
  'ek',
  'ekfm',
  'ekfr',
  'ev',
  'eg',
  'se',
  'co',
  'ltd',
  'inc',
  'llc',
]);

/**
 * The core of a company name for the duplicate check: lower case, without legal forms
 * (GmbH, AG, KG, & Co. KG, e.K., mbH, …) and punctuation. "Müller & Söhne GmbH & Co. KG" → "müller söhne".
 */
export function normalisePartnerName(name: string): string {
  return (
    name
      .normalize('NFC')
      .toLowerCase()
      // Spaced abbreviations ("e. K.", "e. V.") become one word first, so they are recognised below.
      .replace(/(^|\s)e\.\s*(k|v|g)\.?(?=\s|$)/gu, '$1e$2')
      .split(/\s+/u)
      .filter((word) => !LEGAL_FORM_WORDS.has(word.replace(/[^\p{L}\p{N}]+/gu, '')))
      .join(' ')
      // Punctuation separates words: "Müller-Bau" and "Müller Bau" have the same core.
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}
