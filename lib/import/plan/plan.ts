// The dry run's rows (SPEC section 18, Probelauf): each data row read, matched, resolved and compared
// with its record, into create / update / unchanged / skip / error. Pure: the records come in a snapshot.
import type { ExportEntity } from '@/db/schema';
import { diffRecord, type DiffColumn } from '../diff';
import { problem, type ImportProblem } from '../problems';
import { readRow } from '../values/read-row';
import { indexRecords, matchRow } from './match';
import type { PreparedImport } from './prepare';
import { resolveContext, resolveRow, type MappedField } from './resolve';
import { requiredKeys } from './validate';
import type { CurrentRecord, ImportOptions, ImportPlan, PlannedChange, PlannedRow, PlanSnapshot, RowAction } from './types';

function diffColumn(field: MappedField): DiffColumn {
  switch (field.write.kind) {
    case 'lookups':
      return { key: field.key, type: 'lookups' };
    case 'lookup':
    case 'partner':
    case 'ticketStatus':
      return { key: field.key, type: 'lookup' };
    default:
      return { key: field.key, type: field.type };
  }
}

function labelOf(entity: ExportEntity, record: CurrentRecord | undefined, values: Readonly<Record<string, unknown>>): string {
  if (record) return record.label;
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  if (entity === 'partners') return text('name');
  if (entity === 'contacts') return [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  return text('number') || text('title');
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Rows that match one record, or would create one with the same key: every one of them an error naming the others. */
function markDuplicates(rows: PlannedRow[], keys: readonly (string | null)[]): void {
  const byTarget = new Map<string, PlannedRow[]>();
  rows.forEach((row, position) => {
    if (row.action === 'error') return;
    const key = keys[position];
    const target = row.recordId !== undefined ? `r:${row.recordId}` : key === null ? null : `k:${key}`;
    if (target !== null) byTarget.set(target, [...(byTarget.get(target) ?? []), row]);
  });
  for (const group of byTarget.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      const others = group.filter((other) => other !== row).map((other) => other.line);
      row.problems.push(
        problem('import.plan.sameRecordTwice', { line: row.line, params: { lines: others.join(', '), record: row.label } }),
      );
      row.action = 'error';
      row.changes = [];
    }
  }
}

/** Plans every row of a prepared file against the records in `snapshot`. */
export function planRows(prepared: Extract<PreparedImport, { ok: true }>, snapshot: PlanSnapshot, options: ImportOptions): ImportPlan {
  const { entity, file, fields, style } = prepared;
  const index = indexRecords(entity, snapshot.records);
  const context = resolveContext(entity, snapshot, options.createMissingEntries);
  const readColumns = fields.map(({ key, type, header, index: cell }) => ({ key, type, header, index: cell }));
  const diffColumns = fields.filter((field) => field.write.kind !== 'readOnly').map(diffColumn);
  const required = requiredKeys(entity);
  // A required field's header, or its key when the file has no such column.
  const headerOf = (key: string) => fields.find((field) => field.key === key)?.header ?? key;
  const keys: (string | null)[] = [];
  const rows: PlannedRow[] = file.rows.map((cells, position): PlannedRow => {
    const line = file.lines[position];
    const read = readRow(line, readColumns, cells, style);
    const match = matchRow(entity, index, read.values);
    keys.push(match.key);
    // A row that would create a record when creating is off is left out, whatever its cells hold.
    if (match.kind === 'none' && !options.createNew) {
      return { line, action: 'skip', label: labelOf(entity, undefined, read.values), changes: [], problems: [] };
    }
    const record = match.kind === 'one' ? match.record : undefined;
    if (record && options.existing === 'skip') {
      return { line, action: 'skip', recordId: record.id, label: record.label, changes: [], problems: [] };
    }
    const resolved = resolveRow(context, line, fields, read.values, record);
    const problems: ImportProblem[] = [...read.problems, ...resolved.problems];
    const label = labelOf(entity, record, { ...read.values, ...resolved.values });
    const draft: PlannedRow = { line, action: 'error', label, changes: [], problems };
    if (match.kind === 'many') {
      const records = match.records.map((found) => found.label).join(', ');
      problems.push(problem('import.plan.ambiguousMatch', { line, params: { records } }));
    }
    if (record) draft.recordId = record.id;
    if (problems.length > 0) return draft;
    const withCreated = (change: { key: string; before: unknown; after: unknown }): PlannedChange =>
      resolved.created[change.key] ? { ...change, created: resolved.created[change.key] } : change;
    if (record) {
      const changes = diffRecord(record.values, resolved.values, diffColumns, style).map(withCreated);
      return { ...draft, action: changes.length > 0 ? 'update' : 'unchanged', changes };
    }
    for (const key of required.filter((candidate) => isEmpty(resolved.values[candidate]))) {
      problems.push(problem('import.plan.required', { line, params: { column: headerOf(key) } }));
    }
    if (entity === 'tickets' && isEmpty(resolved.values.partner)) problems.push(problem('import.plan.partnerRequired', { line }));
    if (problems.length > 0) return draft;
    const changes = Object.entries(resolved.values)
      .filter(([, value]) => !isEmpty(value))
      .map(([key, after]) => withCreated({ key, before: null, after }));
    return { ...draft, action: 'create', changes };
  });
  markDuplicates(rows, keys);
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
  for (const row of rows) counts[row.action] += 1;
  return {
    ok: true,
    entity,
    mapping: prepared.mapping,
    ignored: prepared.ignored,
    style,
    problems: prepared.problems,
    rows,
    counts,
    newEntries: [...context.newEntries.values()],
  };
}
