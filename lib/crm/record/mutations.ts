import 'server-only';
// Writes of the CRM record the property registry declares (lib/crm/record/fields.ts): the checks of
// a form's lookup choices, the entries typed anew, and the bridges' rows.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checkChosenEntries, ensureEntries } from '../entries';
import { bridgeProperties, columnKey, creatableLists, lookupChoices, type RecordEntity, type RecordValue } from './fields';

/** The problem of every lookup choice of the form, by form field (unknown or newly chosen archived entries). */
export function choiceProblems(tx: Tx, entity: RecordEntity, current: object, input: object): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const choice of lookupChoices(entity, current, input)) {
    const problem = checkChosenEntries(tx, choice.list, choice.chosen, choice.current);
    if (problem) problems[choice.field] = problem;
  }
  return problems;
}

/** The ids of the entries typed into the form's "new …" fields, created where missing; the first refusal otherwise. */
export function createTypedEntries(
  tx: Tx,
  entity: RecordEntity,
  input: object,
  userId: number,
): { ok: true; ids: Record<string, number[]> } | { ok: false; fieldErrors: Record<string, string> } {
  const typed = input as Record<string, string[] | undefined>;
  const ids: Record<string, number[]> = {};
  for (const { field, list } of creatableLists(entity)) {
    const created = ensureEntries(tx, list, typed[field] ?? [], userId);
    if (!created.ok) return { ok: false, fieldErrors: { [field]: created.error } };
    ids[field] = created.ids;
  }
  return { ok: true, ids };
}

/** Replaces the record's rows of every bridge with the ids of `values`. */
export function replaceBridges(tx: Tx, entity: RecordEntity, ownerId: number, values: Record<string, RecordValue>): void {
  for (const { bridge } of bridgeProperties(entity)) {
    const ids = values[bridge.ids] as number[];
    tx.delete(bridge.owner.table).where(eq(bridge.owner, ownerId)).run();
    if (ids.length > 0)
      tx.insert(bridge.owner.table)
        .values(ids.map((id) => ({ [columnKey(bridge.owner)]: ownerId, [columnKey(bridge.entry)]: id })))
        .run();
  }
}
