// German alphabetical order (SPEC section 19): one key per name, computed here and nowhere else.
// SQLite has no German collation, so the key is stored beside the name (`sort_name`) and compared
// byte by byte: `order by sort_name, id` in SQL and compareSortKeys in JavaScript agree by
// construction.

/** Digit runs are padded to this width, so "Partner 9" sorts before "Partner 10". */
const DIGIT_WIDTH = 12;

/** Ä with A, ß with ss, case-insensitive, numbers by value. */
export function germanSortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(DIGIT_WIDTH, '0'));
}

/** The key of a contact: last name, then first name. */
export function contactSortKey(contact: { firstName: string; lastName: string }): string {
  return germanSortKey(`${contact.lastName} ${contact.firstName}`);
}

/** Plain code-point order of two keys, as SQLite's BINARY collation compares their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const diff = left[index].codePointAt(0)! - right[index].codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** The one order of named records: by sort key, ties by id. */
export function compareSortKeys(a: { sortKey: string; id: number }, b: { sortKey: string; id: number }): number {
  return compareKeys(a.sortKey, b.sortKey) || a.id - b.id;
}
