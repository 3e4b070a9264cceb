// What part of a group tree a page renders: at most 500 groups and a bounded number of ticket
// rows (SPEC section 13), in display order; the rest is counted and linked.
import type { GroupNode } from './tree';
import type { GroupId } from './tree';

export const MAX_RENDERED_GROUPS = 500;
export const TICKETS_PER_GROUP = 100;
/** Ticket rows on one page in all; further leaf groups link to their list instead. */
export const MAX_RENDERED_TICKETS = 300;
/**
 * Up to this many groups the tree opens fully and shows tickets under its leaves. A larger tree
 * starts collapsed, and its leaves link to their lists: a page of thousands of hidden rows
 * would cost every reader the time to render and send it.
 */
export const OPEN_TREE_GROUPS = 30;

export type VisibleGroup = GroupNode & { path: GroupId[]; visibleGroups: VisibleGroup[]; showTickets: boolean };

export type VisibleTree = { groups: VisibleGroup[]; open: boolean; shownGroups: number; hiddenGroups: number; leafPaths: GroupId[][] };

/** Cuts the tree in depth-first display order; leaves of an open tree within the ticket budget show tickets. */
export function visibleTree(groups: readonly GroupNode[], limits = { groups: MAX_RENDERED_GROUPS, tickets: MAX_RENDERED_TICKETS, open: OPEN_TREE_GROUPS }): VisibleTree {
  const countAll = (nodes: readonly GroupNode[]): number => nodes.reduce((sum, node) => sum + 1 + countAll(node.groups), 0);
  const open = countAll(groups) <= limits.open;
  let groupsLeft = limits.groups;
  let ticketsLeft = open ? limits.tickets : 0;
  let hidden = 0;
  const leafPaths: GroupId[][] = [];
  const cut = (nodes: readonly GroupNode[], prefix: GroupId[]): VisibleGroup[] => {
    const result: VisibleGroup[] = [];
    for (const node of nodes) {
      if (groupsLeft <= 0) {
        hidden += 1 + countAll(node.groups);
        continue;
      }
      groupsLeft -= 1;
      const path = [...prefix, node.id];
      const isLeaf = node.groups.length === 0;
      const rows = Math.min(node.count, TICKETS_PER_GROUP);
      const showTickets = isLeaf && rows <= ticketsLeft;
      if (showTickets) {
        ticketsLeft -= rows;
        leafPaths.push(path);
      }
      result.push({ ...node, path, visibleGroups: cut(node.groups, path), showTickets });
    }
    return result;
  };
  const visible = cut(groups, []);
  return { groups: visible, open, shownGroups: limits.groups - groupsLeft, hiddenGroups: hidden, leafPaths };
}
