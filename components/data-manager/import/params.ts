// The dry run's URL: the options, a saved mapping's id, a hand mapping per header (`m.<header>`), the
// row filter and page. Read by the dry-run page; written by the upload action and the page's GET form.
import type { ImportMapping } from '@/lib/import/parse/headers';
import type { ImportOptions, RowAction } from '@/lib/import/plan/types';

type Raw = Record<string, string | string[] | undefined>;

export const ROW_ACTIONS: readonly RowAction[] = ['create', 'update', 'unchanged', 'skip', 'error'];
/** A hand mapping's "nicht importieren". */
export const NOT_IMPORTED = '-';
const MAPPING_PREFIX = 'm.';

/** The last value sent: a checkbox after its hidden "0" wins when ticked, also without JavaScript. */
function last(raw: Raw, name: string): string | undefined {
  const value = raw[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

export function optionsFrom(raw: Raw, mayCreateEntries: boolean): ImportOptions {
  return {
    existing: last(raw, 'existing') === 'skip' ? 'skip' : 'update',
    createNew: last(raw, 'createNew') !== '0',
    createMissingEntries: mayCreateEntries && ['1', 'on'].includes(last(raw, 'entries') ?? ''),
  };
}

export function optionsSearch(options: ImportOptions): URLSearchParams {
  const search = new URLSearchParams({ existing: options.existing, createNew: options.createNew ? '1' : '0' });
  if (options.createMissingEntries) search.set('entries', '1');
  return search;
}

export function savedMappingIdFrom(raw: Raw): number | undefined {
  const id = Number(last(raw, 'mapping'));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The hand mapping sent by the page's form (header → key, or null for "nicht importieren"). */
export function handMappingFrom(raw: Raw): ImportMapping {
  // A Map first: a header named `__proto__` or `constructor` must not meet Object.prototype.
  const mapping = new Map<string, string | null>();
  for (const name of Object.keys(raw)) {
    if (!name.startsWith(MAPPING_PREFIX)) continue;
    const value = last(raw, name);
    if (value === undefined || value === '') continue;
    mapping.set(name.slice(MAPPING_PREFIX.length), value === NOT_IMPORTED ? null : value.slice(0, 100));
  }
  return Object.fromEntries(mapping);
}

export const mappingParam = (header: string) => `${MAPPING_PREFIX}${header}`;

export function rowFilterFrom(raw: Raw): RowAction | undefined {
  const value = last(raw, 'action');
  return ROW_ACTIONS.find((action) => action === value);
}
