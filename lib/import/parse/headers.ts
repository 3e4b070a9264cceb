// Header cells to data-manager columns (SPEC section 18): the labels of our own exports, German and
// English, map by themselves; a mapping made by hand is saved as a plain object checked by a schema.
import { z } from 'zod';
import type { ExportEntity } from '@/db/schema';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import type { MessageKey } from '@/lib/i18n';
import { de, en } from '@/lib/i18n/dictionaries';
import { dashboardHeaderLabels } from './dashboard-headers';
import { normaliseHeader } from './header-name';
import { problem, type ImportProblem } from '../problems';

/** Per header cell (same index) the column key, or null for a header no column has. */
export type HeaderMapping = {
  keys: (string | null)[];
  /** The mapped keys that are CRM data, in header order: refused for a user without `crm`. */
  crmKeys: string[];
  problems: ImportProblem[];
};

/** A saved mapping: header text to column key, or null for a column left out. */
export type ImportMapping = Record<string, string | null>;

const labelIndex = new Map<ExportEntity, Map<string, string>>();

/** The entity's labels in both languages to their column keys: the data manager's first, then the dashboard's. */
function labelsOf(entity: ExportEntity): Map<string, string> {
  let index = labelIndex.get(entity);
  if (!index) {
    index = new Map();
    const labels = [
      ...DATA_COLUMNS[entity].map((column): [MessageKey, string] => [column.label, column.key]),
      ...dashboardHeaderLabels(entity),
    ];
    for (const [label, key] of labels) {
      for (const dictionary of [de, en]) {
        const name = normaliseHeader(dictionary[label]);
        if (!index.has(name)) index.set(name, key);
      }
    }
    labelIndex.set(entity, index);
  }
  return index;
}

/** The column key whose German or English label the header is, or null. */
export function columnForHeader(entity: ExportEntity, header: string): string | null {
  return labelsOf(entity).get(normaliseHeader(header)) ?? null;
}

/**
 * Maps a file's header cells to the entity's columns by label; with a saved mapping, a header it names
 * (compared as normaliseHeader does) takes the saved key instead. Problems: a header no column has
 * (`unknownHeader`), a column a second header maps to (`columnTwice`; the later header maps to null),
 * both on the header's line (readCsv's `headerLine`).
 */
export function mapHeaders(entity: ExportEntity, header: readonly string[], saved: ImportMapping = {}, headerLine = 1): HeaderMapping {
  const savedKeys = new Map(Object.entries(saved).map(([name, key]) => [normaliseHeader(name), key]));
  const columns = new Map(DATA_COLUMNS[entity].map((column) => [column.key, column]));
  const problems: ImportProblem[] = [];
  const used = new Set<string>();
  const keys = header.map((cell) => {
    const name = normaliseHeader(cell);
    // An empty header is readCsv's problem (emptyHeader); it maps to nothing.
    if (name === '') return null;
    const chosen = savedKeys.has(name) ? savedKeys.get(name)! : columnForHeader(entity, cell);
    if (savedKeys.has(name) && chosen === null) return null;
    if (chosen === null || !columns.has(chosen)) {
      problems.push(problem('import.parse.unknownHeader', { line: headerLine, column: cell, value: cell }));
      return null;
    }
    if (used.has(chosen)) {
      problems.push(problem('import.parse.columnTwice', { line: headerLine, column: cell, value: cell }));
      return null;
    }
    used.add(chosen);
    return chosen;
  });
  const crmKeys = keys.filter((key): key is string => key !== null && columns.get(key)!.crm);
  return { keys, crmKeys, problems };
}

/**
 * A saved mapping for an entity: headers not blank, every value a column key of the entity or null,
 * no key twice, no header twice once normalised.
 */
export function importMappingSchema(entity: ExportEntity) {
  const keys = DATA_COLUMNS[entity].map((column) => column.key) as [string, ...string[]];
  return z
    .record(
      z
        .string()
        .max(200)
        .refine((header) => normaliseHeader(header) !== ''),
      z.enum(keys).nullable(),
    )
    .superRefine((mapping, context) => {
      const headers = new Set<string>();
      const columns = new Set<string>();
      for (const [header, key] of Object.entries(mapping)) {
        const name = normaliseHeader(header);
        if (headers.has(name)) context.addIssue({ code: 'custom', path: [header], message: 'import.parse.headerTwice' });
        headers.add(name);
        if (key === null) continue;
        if (columns.has(key)) context.addIssue({ code: 'custom', path: [header], message: 'import.parse.columnTwice' });
        columns.add(key);
      }
    });
}
