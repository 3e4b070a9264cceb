// Ids for an SQL `in (…)` list, a few hundred at a time: SQLite binds at most so many parameters in one
// statement, and a shorter list keeps each statement's plan cheap. One size for every such read.
export const IN_LIST_SIZE = 500;

export function inChunks<T>(items: readonly T[], size = IN_LIST_SIZE): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}
