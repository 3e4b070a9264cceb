import 'server-only';
// The Verlauf of an import's CRM changes (SPEC section 18): per record, one entry per changed CRM field
// with history, as the CRM forms write them (lib/crm/history.ts, the registry's snapshot), marked with
// the import (or its undo). Entry names are looked up once per list and set of ids.
import type { Tx } from '@/db/client';
import type { ExportEntity } from '@/db/schema';
import { entryNames } from '@/lib/crm/entries';
import { recordCrmChanges } from '@/lib/crm/history';
import { historySnapshot } from '@/lib/crm/record/fields';
import type { LookupListKey } from '@/lib/lookups/lists';
import type { FieldTarget } from './targets';

const CRM_ENTITY = { partners: 'partner', tickets: 'ticket' } as const;

export type HistoryWriter = (entry: {
  entity: ExportEntity;
  recordId: number;
  /** Changed fields with their values before and after, as stored. */
  changes: readonly { target: FieldTarget; before: unknown; after: unknown }[];
  /** A ticket's CRM switched on by the import (or back off by its undo). */
  enabled?: { before: boolean; after: boolean };
  importId: number;
  undo: boolean;
  at: Date;
}) => void;

/** A writer of Verlauf entries for one transaction, with its own cache of entry names. */
export function historyWriter(tx: Tx, userId: number): HistoryWriter {
  const names = new Map<string, string | null>();
  const namesOf = (list: LookupListKey, ids: readonly number[]) => {
    const key = `${list}:${ids.join(',')}`;
    if (!names.has(key)) names.set(key, entryNames(tx, list, ids));
    return names.get(key)!;
  };
  return ({ entity, recordId, changes, enabled, importId, undo, at }) => {
    if (entity === 'contacts') return;
    const crmEntity = CRM_ENTITY[entity];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const change of changes) {
      if (!change.target.history) continue;
      const valueKey = change.target.bridge ? change.target.bridge.ids : change.target.columnKey!;
      before[valueKey] = change.before;
      after[valueKey] = change.after;
    }
    const mark = { importId, importUndo: undo, at, userId, entityId: recordId };
    if (enabled && enabled.before !== enabled.after && crmEntity === 'ticket')
      recordCrmChanges(tx, {
        entity: 'ticket',
        ...mark,
        before: { crmEnabled: String(enabled.before) },
        after: { crmEnabled: String(enabled.after) },
      });
    if (Object.keys(after).length === 0) return;
    recordCrmChanges(tx, {
      entity: crmEntity,
      ...mark,
      before: historySnapshot(crmEntity, before, namesOf),
      after: historySnapshot(crmEntity, after, namesOf),
    });
  };
}
