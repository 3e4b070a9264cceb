// The file-level half of the dry run, before any record is read: open the file, map its headers,
// refuse CRM columns to a user without `crm` and new entries to a non-admin, detect the cells' style.
import type { ExportEntity, Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import { problem, type ImportProblem } from '../problems';
import { mapHeaders } from '../parse/headers';
import { openCsvFile, type OpenedCsv } from '../parse/open';
import { detectDateStyle, detectNumberStyle } from '../parse/styles';
import type { ImportCellStyle } from '../values/read-cell';
import { importField } from './fields';
import type { MappedField } from './resolve';
import type { ImportInput } from './types';

/** What the planner needs of the user: their roles (`crm`, `crm_admin`). */
export type PlanUser = { roles: readonly Role[] };

export type PreparedImport =
  | { ok: false; problems: ImportProblem[] }
  | {
      ok: true;
      entity: ExportEntity;
      file: Extract<OpenedCsv, { ok: true }>;
      mapping: { header: string; key: string | null }[];
      /** The mapped fields that are written (read-only ones left out). */
      fields: MappedField[];
      ignored: string[];
      style: ImportCellStyle;
      problems: ImportProblem[];
    };

const NUMBER_TYPES = new Set(['integer', 'money', 'percent']);

function styleOf(file: Extract<OpenedCsv, { ok: true }>, fields: readonly MappedField[]): ImportCellStyle {
  const cells = (types: Set<string>) =>
    fields
      .filter((field) => types.has(field.type))
      .flatMap((field) => file.rows.map((row) => row[field.index] ?? '').filter((cell) => cell.trim() !== ''));
  const numbers = detectNumberStyle(cells(NUMBER_TYPES), { delimiter: file.delimiter });
  const dates = detectDateStyle(cells(new Set(['date', 'datetime'])));
  const date = dates.style ?? (file.delimiter === ',' ? 'iso' : 'german');
  // The `;` file's formula quotes are removed by openCsvFile already.
  return { decimal: numbers.style === 'comma' ? ',' : '.', date: date === 'german' ? 'dmy' : 'iso', formulaQuote: false };
}

export function prepareImport(user: PlanUser, input: ImportInput): PreparedImport {
  const file = openCsvFile(input.bytes);
  if (!file.ok) return { ok: false, problems: [file.problem] };
  if (file.header.length === 0) return { ok: false, problems: file.problems };
  const mapped = mapHeaders(input.entity, file.header, input.mapping ?? {}, file.headerLine);
  const mapping = file.header.map((header, index) => ({ header, key: mapped.keys[index] }));
  if (mapped.crmKeys.length > 0 && !hasRole(user, 'crm')) {
    const headers = mapping.filter(({ key }) => key !== null && mapped.crmKeys.includes(key)).map(({ header }) => header);
    return {
      ok: false,
      problems: [
        problem('import.plan.crmColumns', { line: file.headerLine, value: headers.join(', '), params: { columns: headers.join(', ') } }),
      ],
    };
  }
  if (input.options.createMissingEntries && !hasRole(user, 'crm_admin')) {
    return { ok: false, problems: [problem('import.plan.createEntriesRefused')] };
  }
  const fields: MappedField[] = [];
  const ignored: string[] = [];
  mapping.forEach(({ header, key }, index) => {
    const field = key === null ? undefined : importField(input.entity, key);
    if (!field) return;
    if (field.write.kind === 'readOnly' && !isMatchKey(input.entity, field.key)) ignored.push(header);
    else fields.push({ ...field, header, index });
  });
  if (fields.length === 0) {
    return { ok: false, problems: [...file.problems, ...mapped.problems, problem('import.plan.noColumns', { line: file.headerLine })] };
  }
  return {
    ok: true,
    entity: input.entity,
    file,
    mapping,
    fields,
    ignored,
    style: styleOf(file, fields),
    problems: [...file.problems, ...mapped.problems],
  };
}

/** A read-only column still read: it matches rows to records (a ticket's number, a contact's id). */
export function isMatchKey(entity: ExportEntity, key: string): boolean {
  return (entity === 'tickets' && key === 'number') || (entity === 'contacts' && key === 'id');
}
