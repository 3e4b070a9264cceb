// The four queries every new user's ticket board starts with (SPEC section 6).
// They are stored under their German names and shown in the user's language while the user has not
// renamed them, so a user who switches language sees them in the new one. A name typed as the
// translation of a default name is stored as the default name, so it keeps following the language.
import { LOCALES, type Locale } from '@/db/schema';
import { translator, type MessageKey } from '@/lib/i18n';

export const DEFAULT_QUERIES = [
  { name: 'Offen', params: 'status=open', label: 'ticketStatus.open' },
  { name: 'In Bearbeitung', params: 'status=in_progress', label: 'ticketStatus.in_progress' },
  { name: 'Geparkt', params: 'status=parked', label: 'ticketStatus.parked' },
  { name: 'Geschlossen', params: 'status=closed', label: 'ticketStatus.closed' },
] as const satisfies readonly { name: string; params: string; label: MessageKey }[];

/** A query's name as the user reads it: a default name in the user's language, any other as stored. */
export function queryDisplayName(name: string, locale: Locale): string {
  const entry = DEFAULT_QUERIES.find((query) => query.name === name);
  return entry ? translator(locale)(entry.label) : name;
}

/** The name to store: a default name in any language becomes the default name itself. */
export function storedQueryName(name: string): string {
  const entry = DEFAULT_QUERIES.find((query) => LOCALES.some((locale) => translator(locale)(query.label) === name));
  return entry ? entry.name : name;
}
