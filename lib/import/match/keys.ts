// Matching keys of imported rows (SPEC section 18): partners by GPID, else name + postcode; contacts by
// e-mail; tickets by number. Two rows match when their keys are equal.
import { normalisePartnerName } from '@/lib/partners/name-core';

/** German spellings without umlauts: ä→ae ö→oe ü→ue ß→ss; other accents dropped (é→e). Input lower case. */
function foldGerman(text: string): string {
  return text
    .normalize('NFC')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** "&", "+" and "und" / "and" join names alike: "Müller & Söhne" = "Müller und Söhne" = "Müller Söhne". */
const JOINING_WORDS = new Set(['und', 'and']);

/**
 * The name part of a partner's key: the duplicate check's core (lib/partners/name-core: lower case,
 * legal forms and punctuation removed) with German spellings folded and joining words dropped.
 * So the legal form does not tell partners apart: "Müller GmbH" and "Müller AG" at one postcode match
 * (a company changing its legal form stays one partner). Empty for a name that is only a legal form.
 */
export function partnerNameKey(name: string): string {
  // Folding can set free punctuation ("¼" → "1⁄4"), which goes like any other.
  return foldGerman(normalisePartnerName(name))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !JOINING_WORDS.has(word))
    .join(' ');
}

/** Name + postcode (digits only); null when the name has no core or the postcode no digit: no match then. */
export function partnerMatchKey(name: string, postcode: string | null | undefined): string | null {
  const core = partnerNameKey(name);
  const digits = (postcode ?? '').replace(/\D/g, '');
  return core && digits ? `${core}|${digits}` : null;
}

/** A GPID cell ("1042", " 1042 ") as a number; null when it is not a positive whole number. */
export function gpidMatchKey(cell: string | number | null | undefined): number | null {
  const text = String(cell ?? '').trim();
  if (!/^\d{1,15}$/.test(text)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

/** An e-mail address trimmed and in lower case; null when empty. */
export function emailMatchKey(email: string | null | undefined): string | null {
  const key = (email ?? '').normalize('NFC').trim().toLowerCase();
  return key || null;
}

/** A ticket number as stored (`T-000123`): trimmed, upper case, the digits padded to six ("t-123" → "T-000123"). */
export function ticketNumberKey(number: string | null | undefined): string | null {
  const text = (number ?? '').trim().toUpperCase();
  const match = /^T-?0*(\d+)$/.exec(text);
  if (match) return `T-${match[1].padStart(6, '0')}`;
  return text || null;
}
