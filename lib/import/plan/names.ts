import 'server-only';
// The names behind a dry run's ids, for the import page: lookup entries and partners the planned
// changes refer to. Reads only the lists the plan's changes name (a plan without `crm` names no CRM list).
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partners } from '@/db/schema';
import { readEntries } from '@/lib/lookups/queries';
import type { LookupListKey } from '@/lib/lookups/lists';
import { importField } from './fields';
import type { ImportPlan } from './types';

/** Per field key: id → name (placeholder entries of the plan included, by their negative id). */
export type PlanNames = Record<string, ReadonlyMap<number, string>>;

const ids = (value: unknown): number[] => [value].flat().filter((id): id is number => typeof id === 'number');

export function readPlanNames(db: Db, plan: Extract<ImportPlan, { ok: true }>): PlanNames {
  const lists = new Map<string, LookupListKey>();
  const partnerKeys = new Set<string>();
  const partnerIds = new Set<number>();
  for (const row of plan.rows)
    for (const change of row.changes) {
      const write = importField(plan.entity, change.key)?.write;
      if (write?.kind === 'lookup' || write?.kind === 'lookups') lists.set(change.key, write.list);
      if (write?.kind === 'partner') {
        partnerKeys.add(change.key);
        for (const id of [...ids(change.before), ...ids(change.after)]) partnerIds.add(id);
      }
    }
  const names: PlanNames = {};
  const entryNames = new Map<LookupListKey, Map<number, string>>();
  for (const [key, list] of lists) {
    let byId = entryNames.get(list);
    if (!byId) {
      byId = new Map(readEntries(db, list).map((entry) => [entry.id, entry.name]));
      for (const entry of plan.newEntries) if (entry.list === list) byId.set(entry.id, entry.name);
      entryNames.set(list, byId);
    }
    names[key] = byId;
  }
  if (partnerKeys.size > 0) {
    const found = partnerIds.size
      ? db
          .select({ id: partners.id, name: partners.name })
          .from(partners)
          .where(inArray(partners.id, [...partnerIds]))
          .all()
      : [];
    const byId = new Map(found.map((partner) => [partner.id, partner.name]));
    for (const key of partnerKeys) names[key] = byId;
  }
  return names;
}
