/**
 * A `LIKE` pattern that finds `term` anywhere in a lower-cased column: `%`, `_` and `\` in the term match
 * themselves (backslash is LIKE's default escape), control characters are dropped (the customers' search column
 * joins its parts with one), and the term is lower-cased. Null for a blank term: no filter.
 */
export function containsPattern(term: string | null | undefined): string | null {
  const cleaned = (term ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .toLowerCase();
  if (!cleaned) return null;
  return `%${cleaned.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A PostgreSQL int[] literal for one bound parameter, so that 10,000 IDs cost one parameter, not 10,000. */
export function intArrayLiteral(ids: readonly number[]): string {
  return `{${ids.map((id) => Math.trunc(id)).join(",")}}`;
}
