// Small SQL helpers shared by the data layer.

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (use `escape '\'`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
