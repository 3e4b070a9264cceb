// The LIKE pattern of a text search, shared by the list and picker queries.

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (use `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
