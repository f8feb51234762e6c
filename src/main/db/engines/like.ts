/** A LIKE pattern (ESCAPE '\') matching text that contains `term`, its %, _ and \ taken literally. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
