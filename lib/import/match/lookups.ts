// Lookup entries (products, campaigns, attributes, phases, …) named in a cell, resolved to their ids.
// Our export writes a multi-valued cell as the names joined with ", " (lib/crm/property-sql.ts namesOf).

export type LookupEntry = { id: number; name: string; archived: boolean };

export type LookupResolution =
  | { ok: true; ids: number[] }
  /** `unknown`: names of no entry; `archived`: names of archived entries the record does not carry yet. */
  | { ok: false; unknown: string[]; archived: string[] };

/** The comparison key of an entry name: trimmed, blanks collapsed, case-insensitive (as the CRM forms compare). */
export function lookupNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * The names in a multi-valued cell: split at commas, trimmed, empty parts dropped, a name repeated in
 * another case kept once. A name that itself contains ", " comes out in parts here; resolveLookupNames
 * joins neighbouring parts back when together they name an entry.
 */
export function readNameList(cell: string): string[] {
  const byKey = new Map<string, string>();
  for (const part of cell.split(',')) {
    const name = part.trim();
    if (name && !byKey.has(lookupNameKey(name))) byKey.set(lookupNameKey(name), name);
  }
  return [...byKey.values()];
}

/** Entries by key; of two entries with one key, the active one (then the first) wins. */
function entriesByKey(entries: readonly LookupEntry[]): Map<string, LookupEntry> {
  const byKey = new Map<string, LookupEntry>();
  for (const entry of entries) {
    const key = lookupNameKey(entry.name);
    const known = byKey.get(key);
    if (!known || (known.archived && !entry.archived)) byKey.set(key, entry);
  }
  return byKey;
}

/**
 * The ids of `names` (in order, without repeats), or every name that fails. Matching is by lookupNameKey.
 * Archived entries follow the CRM forms (lib/crm/entries.ts checkChosenEntries): one the record already
 * carries (`currentIds`) is kept, a new archived choice is refused. Names with a comma: the longest run
 * of neighbouring names that, joined with ", ", is an entry's name is read as that one entry
 * ("Beratung, Planung" is one entry if it exists, else the two entries "Beratung" and "Planung").
 */
export function resolveLookupNames(
  names: readonly string[],
  entries: readonly LookupEntry[],
  currentIds: readonly number[] = [],
): LookupResolution {
  const byKey = entriesByKey(entries);
  const longest = Math.max(1, ...entries.map((entry) => entry.name.split(',').length));
  const ids: number[] = [];
  const unknown: string[] = [];
  const archived: string[] = [];
  for (let index = 0; index < names.length;) {
    let run = Math.min(longest, names.length - index);
    while (run > 1 && !byKey.has(lookupNameKey(names.slice(index, index + run).join(', ')))) run -= 1;
    const name = names.slice(index, index + run).join(', ');
    const entry = byKey.get(lookupNameKey(name));
    if (!entry) unknown.push(name.trim());
    else if (entry.archived && !currentIds.includes(entry.id)) archived.push(entry.name);
    else if (!ids.includes(entry.id)) ids.push(entry.id);
    index += run;
  }
  return unknown.length > 0 || archived.length > 0 ? { ok: false, unknown, archived } : { ok: true, ids };
}
