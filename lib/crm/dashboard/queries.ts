import 'server-only';
// Reads of the CRM dashboard (CRM data: `crm` users only): totals at every level computed in SQL,
// the ordered group tree, the tickets under the leaves, the ungrouped list.
import { inArray, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { partners, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import { inChunks } from '@/lib/in-chunks';
import type { SessionUser } from '@/lib/auth/guards';
import type { Translate } from '@/lib/i18n';
import { readEntries } from '@/lib/lookups/queries';
import { DIMENSIONS, isMultiValued } from './dimensions';
import { groupSteps, type GroupPath } from './group-path';
import { isKeyKind, keyLabel, keyOrder } from './key-labels';
import type { DashboardParams, GroupKey } from './params';
import { valueContext, type DashboardQuery } from './filter-sql';
import { allLeafPairsQuery, grandTotalQuery, leafTicketsQuery, levelTotalsQuery, listPageQuery } from './level-sql';
import { buildTree, phasedTotalsOf, type GroupId, type GroupNode, type LevelLabels, type PhasedTotals, type PhaseRow } from './tree';

const dialect = new SQLiteSyncDialect();

/** Runs a composed query on the raw connection; `exact` returns integers as BigInt. */
export function runQuery<T>(db: Db, query: SQL, exact = false): T[] {
  const { sql, params } = dialect.sqlToQuery(query);
  return db.$client
    .prepare(sql)
    .safeIntegers(exact)
    .all(...params) as T[];
}

/** The view's query at `instant` (now); with `group`, only the tickets of that group of the view. */
function queryOf(db: Db, params: DashboardParams, group?: GroupPath | null, instant: number = Date.now()): DashboardQuery {
  return { params, context: valueContext(db.$client, instant), group: group ? groupSteps(params.groupBy, group) : undefined };
}

type KeyedRow = PhaseRow & Record<`k${number}`, bigint | string | null>;

function keyOf(value: bigint | number | string | null | undefined): GroupId {
  if (value === null || value === undefined) return null;
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Names and order of the groups of one level, loaded for the ids that occur. */
export function levelLabels(db: Db, key: GroupKey, ids: GroupId[], t: Translate): LevelLabels {
  const dim = DIMENSIONS[key];
  const emptyLabel = t(dim.emptyLabel);
  const source = dim.labels;
  if (isKeyKind(source)) {
    return { emptyLabel, label: (id) => keyLabel(source.kind, String(id), t), order: (id) => keyOrder(source.kind, String(id)) };
  }
  if (source.kind === 'lookup') {
    const entries = new Map(readEntries(db, source.list).map((entry) => [entry.id, entry]));
    return {
      emptyLabel,
      label: (id) => entries.get(Number(id))?.name ?? `#${id}`,
      order: (id) => entries.get(Number(id))?.position ?? Number.MAX_SAFE_INTEGER,
    };
  }
  const numeric = ids.filter((id): id is number => typeof id === 'number');
  const table = source.kind === 'partner' ? partners : users;
  const names = new Map<number, { name: string; sortName: string | null }>();
  for (const part of inChunks(numeric)) {
    for (const row of db
      .select({ id: table.id, name: table.name, sortName: table.sortName })
      .from(table)
      .where(inArray(table.id, part))
      .all())
      names.set(row.id, row);
  }
  return { emptyLabel, label: (id) => names.get(Number(id))?.name ?? `#${id}`, order: (id) => names.get(Number(id))?.sortName ?? '' };
}

export type DashboardSummary = { groupBy: GroupKey[]; total: PhasedTotals; groups: GroupNode[] };

/**
 * The grand total and the group tree: one aggregate query per level plus one for the total. Next
 * actions and staleness are judged at `instant` (now; a test passes its own clock).
 */
export function summariseDashboard(
  db: Db,
  user: SessionUser,
  params: DashboardParams,
  t: Translate,
  instant: number = Date.now(),
): DashboardSummary {
  assertRole(user, 'crm');
  const query = queryOf(db, params, null, instant);
  return summarise(db, query, t);
}

/** The totals of one leaf group of the view (its ticket list's heading). */
export function summariseGroup(
  db: Db,
  user: SessionUser,
  params: DashboardParams,
  group: GroupPath,
  instant: number = Date.now(),
): PhasedTotals {
  assertRole(user, 'crm');
  return phasedTotalsOf(runQuery<PhaseRow>(db, grandTotalQuery(queryOf(db, params, group, instant)), true));
}

function summarise(db: Db, query: DashboardQuery, t: Translate): DashboardSummary {
  const { params } = query;
  const levelRows = params.groupBy.map((_, depth) => runQuery<KeyedRow>(db, levelTotalsQuery(query, depth + 1), true));
  // Where every ticket stands in exactly one group of the first level, its rows are the grand total
  // (summed exactly, in BigInt): one pass over the view fewer than a query of its own.
  const [first] = params.groupBy;
  const grand = phasedTotalsOf(
    first !== undefined && !isMultiValued(first) ? levelRows[0] : runQuery<PhaseRow>(db, grandTotalQuery(query), true),
  );
  const rowsPerLevel = levelRows.map((rows, depth) => {
    // A row per group and phase: gathered by group, in the order SQL gave them.
    const byGroup = new Map<string, { keys: GroupId[]; phases: PhaseRow[] }>();
    for (const row of rows) {
      const keys = Array.from({ length: depth + 1 }, (__, index) => keyOf(row[`k${index}`]));
      const path = JSON.stringify(keys);
      const group = byGroup.get(path);
      if (group) group.phases.push(row);
      else byGroup.set(path, { keys, phases: [row] });
    }
    return [...byGroup.values()].map(({ keys, phases }) => ({ keys, totals: phasedTotalsOf(phases) }));
  });
  const labels = params.groupBy.map((key, depth) =>
    levelLabels(db, key, [...new Set(rowsPerLevel[depth].map((row) => row.keys[depth]))], t),
  );
  return { groupBy: params.groupBy, total: grand, groups: buildTree(params.groupBy, rowsPerLevel, labels) };
}

/** Leaf path → ticket ids, all of them (the API's `ticketIds`). */
export function leafTicketIds(db: Db, user: SessionUser, params: DashboardParams, instant: number = Date.now()): Map<string, number[]> {
  assertRole(user, 'crm');
  const result = new Map<string, number[]>();
  for (const row of runQuery<Record<string, number | string | null>>(db, allLeafPairsQuery(queryOf(db, params, null, instant)))) {
    const path = JSON.stringify(params.groupBy.map((_, index) => keyOf(row[`k${index}`])));
    const ids = result.get(path);
    if (ids) ids.push(Number(row.id));
    else result.set(path, [Number(row.id)]);
  }
  return result;
}

/** Leaf path → the first `limit` ticket ids of that group, highest potential first. */
export function leafTicketSample(
  db: Db,
  user: SessionUser,
  params: DashboardParams,
  limit: number,
  instant: number = Date.now(),
): Map<string, number[]> {
  assertRole(user, 'crm');
  const result = new Map<string, number[]>();
  for (const row of runQuery<Record<string, number | string | null>>(db, leafTicketsQuery(queryOf(db, params, null, instant), limit))) {
    const path = JSON.stringify(params.groupBy.map((_, index) => keyOf(row[`k${index}`])));
    const ids = result.get(path);
    if (ids) ids.push(Number(row.id));
    else result.set(path, [Number(row.id)]);
  }
  return result;
}

/** A page of the view's tickets, highest potential first; with `group`, of that leaf group only. */
export function listPageIds(
  db: Db,
  user: SessionUser,
  params: DashboardParams,
  limit: number,
  offset: number,
  group?: GroupPath | null,
  instant: number = Date.now(),
): number[] {
  assertRole(user, 'crm');
  return runQuery<{ id: number }>(db, listPageQuery(queryOf(db, params, group, instant), limit, offset)).map((row) => row.id);
}

/** The labels of a leaf group's levels ("Angebot erstellt", "Produkt A"), for headings. */
export function groupPathLabels(db: Db, user: SessionUser, params: DashboardParams, group: GroupPath, t: Translate): string[] {
  assertRole(user, 'crm');
  return group.map((id, depth) => {
    const labels = levelLabels(db, params.groupBy[depth], [id], t);
    return id === null ? labels.emptyLabel : labels.label(id);
  });
}

/** The JSON form of a group path, as the maps above key their entries. */
export function pathKey(path: GroupId[]): string {
  return JSON.stringify(path);
}
