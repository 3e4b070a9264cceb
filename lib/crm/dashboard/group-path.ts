// One group of a dashboard view, named in the URL (`open=1.none.3`): the group's id on every
// grouping level, `none` for the empty group. Validated against the dimension registry: ids where
// the level holds records, the keys where it holds statuses, phases, months or quarters.
import { idSchema } from '@/lib/validation';
import { DIMENSIONS } from './dimensions';
import { isKeyId, isKeyKind, keyKindHasEmpty } from './key-labels';
import { paramProblem } from '@/lib/url-params';
import type { DashboardProblem, GroupKey } from './params';
import type { GroupId } from './tree';

/** A leaf group: one id per grouping level of the view. */
export type GroupPath = GroupId[];

/** The group as conditions: level key and the id its tickets carry there. */
export type GroupStep = { key: GroupKey; id: GroupId };

const SEPARATOR = '.';

export function serialiseGroupPath(path: readonly GroupId[]): string {
  return path.map((id) => (id === null ? 'none' : String(id))).join(SEPARATOR);
}

function parseStep(key: GroupKey, part: string): { ok: true; id: GroupId } | { ok: false } {
  const source = DIMENSIONS[key].labels;
  if (isKeyKind(source)) {
    if (part === 'none') return keyKindHasEmpty(source.kind) ? { ok: true, id: null } : { ok: false };
    return isKeyId(source.kind, part) ? { ok: true, id: part } : { ok: false };
  }
  if (part === 'none') return { ok: true, id: null };
  const id = idSchema.safeParse(part);
  return id.success ? { ok: true, id: id.data } : { ok: false };
}

/** The `open` parameter of a view grouped by `groupBy`: a leaf path, or a problem (and no path). */
export function parseGroupPath(
  raw: string | string[] | undefined,
  groupBy: readonly GroupKey[],
): { path: GroupPath | null; problem: DashboardProblem | null } {
  const value = [raw ?? []].flat()[0]?.trim() ?? '';
  if (value === '') return { path: null, problem: null };
  const parts = value.split(SEPARATOR);
  const invalid = { path: null, problem: paramProblem('open', value) };
  if (groupBy.length === 0 || parts.length !== groupBy.length) return invalid;
  const path: GroupPath = [];
  for (const [index, part] of parts.entries()) {
    const step = parseStep(groupBy[index], part);
    if (!step.ok) return invalid;
    path.push(step.id);
  }
  return { path, problem: null };
}

export function groupSteps(groupBy: readonly GroupKey[], path: readonly GroupId[]): GroupStep[] {
  return path.map((id, index) => ({ key: groupBy[index], id }));
}
