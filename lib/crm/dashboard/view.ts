// What part of a group tree a page renders: at most 400 groups and a bounded number of ticket
// rows (SPEC section 13), in display order; the rest is counted and linked.
import type { GroupId, GroupNode } from './tree';

/** SPEC 13 allows up to 500; fewer when the view's groups cost more bytes (groupLimit). */
export const MAX_RENDERED_GROUPS = 400;

/**
 * How many groups a page renders within the 300 KB of SPEC 19 (bench/README.md, "Page weight"):
 * measured on the bench data set, the page without its tree takes about 55 KB, a group about 460
 * bytes, its split by phase about 110 more, and each leaf's link (for browsers without JavaScript)
 * repeats the view's query string; its at-risk figures (when the view has tickets at risk) about 130.
 */
/** A group's "gefährdet: 1.234 · 1.234.567,89 €" (SPEC section 17), in the HTML and in the payload: measured 127 bytes. */
const RISK_BYTES = 130;

export function groupLimit(viewQueryLength: number, phases: boolean, atRisk = false): number {
  const budget = 300_000 - 55_000 - 15_000;
  const perGroup = 460 + (phases ? 110 : 0) + (atRisk ? RISK_BYTES : 0) + viewQueryLength;
  return Math.min(MAX_RENDERED_GROUPS, Math.floor(budget / perGroup));
}
export const TICKETS_PER_GROUP = 100;
/** Ticket rows on one page in all; further leaf groups load theirs when opened. */
export const MAX_RENDERED_TICKETS = 300;
/**
 * Up to this many groups the tree opens fully and shows tickets under its leaves. A larger tree
 * starts collapsed, and a leaf loads its tickets when it is opened (without JavaScript: a link to
 * the same view with that group open): a page of thousands of hidden rows would cost every reader
 * the time to render and send it.
 */
export const OPEN_TREE_GROUPS = 30;

export type VisibleGroup = GroupNode & {
  path: GroupId[];
  visibleGroups: VisibleGroup[];
  showTickets: boolean;
  /** On the path of the group the URL opened (`open=`): rendered expanded. */
  expanded: boolean;
};

export type VisibleTree = { groups: VisibleGroup[]; open: boolean; hiddenGroups: number; leafPaths: GroupId[][] };

export type Limits = { groups: number; tickets: number; open: number };
export const LIMITS: Limits = { groups: MAX_RENDERED_GROUPS, tickets: MAX_RENDERED_TICKETS, open: OPEN_TREE_GROUPS };

function findGroup(groups: readonly GroupNode[], path: readonly GroupId[]): GroupNode | undefined {
  const [first, ...rest] = path;
  const found = groups.find((group) => group.id === first);
  return found && rest.length > 0 ? findGroup(found.groups, rest) : found;
}

const samePrefix = (path: readonly GroupId[], target: readonly GroupId[] | null) =>
  target !== null && path.every((id, index) => target[index] === id);

/**
 * Cuts the tree in depth-first display order; leaves of an open tree within the ticket budget show
 * tickets, and so does the leaf named by `openPath` (shown even past the group limit). In a large
 * tree that leaf's rows take the place of as many groups, so the page keeps its size (SPEC 19).
 */
export function visibleTree(
  groups: readonly GroupNode[],
  limits: Limits = LIMITS,
  openPath: readonly GroupId[] | null = null,
): VisibleTree {
  const countAll = (nodes: readonly GroupNode[]): number => nodes.reduce((sum, node) => sum + 1 + countAll(node.groups), 0);
  const open = countAll(groups) <= limits.open;
  const openRows = !open && openPath ? Math.min(findGroup(groups, openPath)?.count ?? 0, TICKETS_PER_GROUP) : 0;
  let groupsLeft = limits.groups - openRows;
  let ticketsLeft = open ? limits.tickets : 0;
  let hidden = 0;
  const leafPaths: GroupId[][] = [];
  const cut = (nodes: readonly GroupNode[], prefix: GroupId[]): VisibleGroup[] => {
    const result: VisibleGroup[] = [];
    for (const node of nodes) {
      const path = [...prefix, node.id];
      const expanded = samePrefix(path, openPath);
      if (groupsLeft <= 0 && !expanded) {
        hidden += 1 + countAll(node.groups);
        continue;
      }
      groupsLeft -= 1;
      const isLeaf = node.groups.length === 0;
      const rows = Math.min(node.count, TICKETS_PER_GROUP);
      const showTickets = isLeaf && (expanded || rows <= ticketsLeft);
      if (showTickets) {
        if (!expanded) ticketsLeft -= rows;
        leafPaths.push(path);
      }
      result.push({ ...node, path, visibleGroups: cut(node.groups, path), showTickets, expanded });
    }
    return result;
  };
  const visible = cut(groups, []);
  return { groups: visible, open, hiddenGroups: hidden, leafPaths };
}
