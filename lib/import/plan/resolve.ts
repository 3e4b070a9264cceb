// A row's read cells into the values the record stores: status words to keys, entry names to ids
// (planning new entries when allowed), partner GPIDs or names to partner ids, text through the forms'
// rules. Pure: everything it looks at is in the context, loaded once per plan.
import { TICKET_STATUSES, type ExportEntity } from '@/db/schema';
import { de, en } from '@/lib/i18n/dictionaries';
import type { LookupListKey } from '@/lib/lookups/lists';
import { gpidMatchKey, partnerNameKey } from '../match/keys';
import { lookupNameKey, readNameList, resolveLookupNames, type LookupEntry } from '../match/lookups';
import { problem, type ImportProblem } from '../problems';
import type { CellValue } from '../values/read-cell';
import type { ImportField } from './fields';
import { checkField } from './validate';
import type { CurrentRecord, PartnerRef, PlannedEntry, PlanSnapshot } from './types';

/** A mapped field with the header as the file spells it. */
export type MappedField = ImportField & { header: string; index: number };

export type ResolveContext = {
  entity: ExportEntity;
  lookups: PlanSnapshot['lookups'];
  partnersByGpid: Map<number, PartnerRef>;
  partnersByName: Map<string, PartnerRef[]>;
  createMissingEntries: boolean;
  /** Entries planned so far, by list and name key (one new entry per name, however many rows name it). */
  newEntries: Map<string, PlannedEntry>;
};

export function resolveContext(entity: ExportEntity, snapshot: PlanSnapshot, createMissingEntries: boolean): ResolveContext {
  const partnersByGpid = new Map<number, PartnerRef>();
  const partnersByName = new Map<string, PartnerRef[]>();
  for (const partner of snapshot.partners) {
    if (partner.gpid !== null) partnersByGpid.set(partner.gpid, partner);
    const key = partnerNameKey(partner.name);
    partnersByName.set(key, [...(partnersByName.get(key) ?? []), partner]);
  }
  return { entity, lookups: snapshot.lookups, partnersByGpid, partnersByName, createMissingEntries, newEntries: new Map() };
}

const STATUS_WORDS = new Map<string, string>(
  TICKET_STATUSES.flatMap((status) => [de, en].map((words): [string, string] => [words[`ticketStatus.${status}`].toLowerCase(), status])),
);
for (const status of TICKET_STATUSES) STATUS_WORDS.set(status, status);

export type ResolvedRow = { values: Record<string, unknown>; created: Record<string, string[]>; problems: ImportProblem[] };

function plannedEntry(context: ResolveContext, list: LookupListKey, name: string): PlannedEntry {
  const key = `${list}|${lookupNameKey(name)}`;
  let entry = context.newEntries.get(key);
  if (!entry) {
    entry = { list, name, id: -(context.newEntries.size + 1) };
    context.newEntries.set(key, entry);
  }
  return entry;
}

/** Entry names → ids; unknown names are planned entries or problems. */
function resolveNames(
  context: ResolveContext,
  list: LookupListKey,
  names: string[],
  currentIds: number[],
  where: { line: number; column: string },
  problems: ImportProblem[],
): { ids: number[]; created: string[] } {
  const entries: LookupEntry[] = context.lookups[list] ?? [];
  const resolved = resolveLookupNames(names, entries, currentIds);
  if (resolved.ok) return { ids: resolved.ids, created: [] };
  for (const name of resolved.archived) problems.push(problem('import.values.archivedEntry', { ...where, value: name, params: { name } }));
  if (!context.createMissingEntries) {
    for (const name of resolved.unknown) problems.push(problem('import.values.unknownEntry', { ...where, value: name, params: { name } }));
    return { ids: [], created: [] };
  }
  // Names resolved one by one again: the known ones keep their ids, the unknown get planned entries.
  const ids: number[] = [];
  for (const name of names) {
    const one = resolveLookupNames([name], entries, currentIds);
    if (one.ok) ids.push(...one.ids.filter((id) => !ids.includes(id)));
    else if (one.unknown.length > 0) ids.push(plannedEntry(context, list, name).id);
  }
  return { ids, created: resolved.unknown };
}

function resolvePartner(
  context: ResolveContext,
  field: MappedField,
  cell: CellValue,
  current: CurrentRecord | undefined,
  where: { line: number; column: string },
  problems: ImportProblem[],
): number | null {
  const text = String(cell ?? '').trim();
  if (text === '') return null;
  if (field.write.kind === 'partner' && field.write.by === 'gpid') {
    const gpid = gpidMatchKey(text);
    const partner = gpid === null ? undefined : context.partnersByGpid.get(gpid);
    if (!partner) problems.push(problem('import.plan.unknownPartner', { ...where, value: text, params: { name: text } }));
    return partner?.id ?? null;
  }
  const found = context.partnersByName.get(partnerNameKey(text)) ?? [];
  const currentId = current?.values[field.key];
  if (found.some((partner) => partner.id === currentId)) return currentId as number;
  if (found.length === 1) return found[0].id;
  problems.push(
    problem(found.length === 0 ? 'import.plan.unknownPartner' : 'import.plan.ambiguousPartner', {
      ...where,
      value: text,
      params: { name: text },
    }),
  );
  return null;
}

/**
 * The stored values of a row's read cells (`read`: lib/import/values readRow's values; refused cells
 * are missing and already problems). Keys of read-only fields are not in the answer.
 */
export function resolveRow(
  context: ResolveContext,
  line: number,
  fields: readonly MappedField[],
  read: Readonly<Record<string, CellValue>>,
  current: CurrentRecord | undefined,
): ResolvedRow {
  const values: Record<string, unknown> = {};
  const created: Record<string, string[]> = {};
  const problems: ImportProblem[] = [];
  // A contact's partner: its GPID cell decides when it is filled, else its name cell.
  const gpidCell = fields.some(
    (field) => field.write.kind === 'partner' && field.write.by === 'gpid' && String(read[field.key] ?? '').trim() !== '',
  );
  let partner: { key: string; id: number | null } | undefined;
  for (const field of fields) {
    if (!(field.key in read)) continue;
    const cell = read[field.key];
    const where = { line, column: field.header };
    const write = field.write;
    switch (write.kind) {
      case 'readOnly':
        break;
      case 'stored': {
        const checked = checkField(context.entity, field, cell);
        if (checked.ok) values[field.key] = checked.value;
        else problems.push(problem(checked.reason, { ...where, value: String(cell ?? ''), params: checked.params }));
        break;
      }
      case 'ticketStatus': {
        const status = STATUS_WORDS.get(
          String(cell ?? '')
            .trim()
            .toLowerCase(),
        );
        if (status) values[field.key] = status;
        else problems.push(problem('import.plan.invalid', { ...where, value: String(cell ?? '') }));
        break;
      }
      case 'lookup': {
        const name = String(cell ?? '').trim();
        if (name === '') {
          values[field.key] = null;
          break;
        }
        const currentId = current?.values[field.key];
        const { ids, created: names } = resolveNames(
          context,
          write.list,
          [name],
          typeof currentId === 'number' ? [currentId] : [],
          where,
          problems,
        );
        if (ids.length > 0) values[field.key] = ids[0];
        if (names.length > 0) created[field.key] = names;
        break;
      }
      case 'lookups': {
        const currentIds = current?.values[field.key];
        const { ids, created: names } = resolveNames(
          context,
          write.list,
          readNameList(String(cell ?? '')),
          Array.isArray(currentIds) ? currentIds : [],
          where,
          problems,
        );
        values[field.key] = ids;
        if (names.length > 0) created[field.key] = names;
        break;
      }
      case 'partner': {
        if (gpidCell && write.by === 'name') break;
        const before = problems.length;
        const id = resolvePartner(context, field, cell, current, where, problems);
        if (problems.length === before) partner = { key: field.key, id };
        break;
      }
    }
  }
  if (partner) values[partner.key] = partner.id;
  return { values, created, problems };
}
