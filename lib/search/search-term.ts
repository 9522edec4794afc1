import { formatNumber } from "@/lib/format";

/** The longest search the console runs; the search boxes take no more. */
export const SEARCH_MAX_LENGTH = 200;

/**
 * A search term as a URL carries it: trimmed, and cut to SEARCH_MAX_LENGTH characters (never between the two halves
 * of a surrogate pair). Cut rather than dropped: a view that ignored an over-long search would show every row under
 * a search box that still holds the term.
 */
export function clipSearchTerm(value: unknown): string {
  const term = typeof value === "string" ? value.trim() : "";
  if (term.length <= SEARCH_MAX_LENGTH) return term;
  const end = /[\uD800-\uDBFF]/.test(term[SEARCH_MAX_LENGTH - 1]!) ? SEARCH_MAX_LENGTH - 1 : SEARCH_MAX_LENGTH;
  return term.slice(0, end).trimEnd();
}

/** Said above the results when the URL's search was cut (see clipSearchTerm); null when it was not. */
export function searchCutNotice(value: unknown): string | null {
  const term = typeof value === "string" ? value.trim() : "";
  return term.length > SEARCH_MAX_LENGTH
    ? `The search in the address has ${formatNumber(term.length)} characters; only its first ${formatNumber(SEARCH_MAX_LENGTH)} are searched.`
    : null;
}
