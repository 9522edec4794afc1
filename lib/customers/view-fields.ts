import { MAX_RECORD_ID, RECORD_ID_PATTERN } from "@/lib/ids";
import { clipSearchTerm } from "@/lib/search/search-term";
import { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS, type JoinedPreset, type PageSize, type SortKey, type StatusTab } from "./view-options";

/**
 * What each key of a Customers view may hold, and what anything else falls back to: one reader per key, taking a
 * URL's text or a JSON value alike. The one definition of the view's bounds, for the URL parsers (which run in the
 * browser, so no zod here: it would add 30 KB to the Customers page's first load) and for the server's schema
 * (query-input.ts), which is made of these readers.
 */

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T | null =>
    typeof value === "string" && (values as readonly string[]).includes(value) ? (value as T) : null;

/** A record ID as a JSON number or a string of digits (rule A8, lib/ids.ts); anything else is none. */
function recordId(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value <= MAX_RECORD_ID ? value : null;
  if (typeof value !== "string" || !RECORD_ID_PATTERN.test(value)) return null;
  const id = Number(value);
  return id <= MAX_RECORD_ID ? id : null;
}

function isoDate(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

/** A number as a query string or a form sends it ("7", " 7 ", 7); NaN for what is none. */
function numeric(value: unknown): number {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? Number(value) : NaN;
}

function cursor(value: unknown): string | null {
  return typeof value === "string" && value.length <= 500 ? value : null;
}

export const customerViewFields = {
  q: (value: unknown): string => clipSearchTerm(value),
  status: (value: unknown): StatusTab => oneOf(STATUS_TABS)(value) ?? "all",
  plans: (value: unknown): number[] => {
    if (!Array.isArray(value) || value.length > 50) return [];
    const ids = value.map(recordId);
    return ids.every((id) => id !== null) ? (ids as number[]) : [];
  },
  app: recordId,
  joined: (value: unknown): JoinedPreset | null => oneOf(JOINED_PRESETS)(value),
  from: isoDate,
  to: isoDate,
  sort: (value: unknown): SortKey => oneOf(SORT_KEYS)(value) ?? "joined",
  dir: (value: unknown): "asc" | "desc" => oneOf(["asc", "desc"] as const)(value) ?? "desc",
  size: (value: unknown): PageSize => {
    const size = numeric(value);
    return (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : 25;
  },
  page: (value: unknown): number => {
    const page = numeric(value);
    return Number.isInteger(page) && page >= 1 && page <= 10_000_000 ? page : 1;
  },
  /** Keyset cursors: the sort value and ID of the row the page starts after, or ends before. */
  after: cursor,
  before: cursor,
  last: (value: unknown): boolean => value === true,
};

export type CustomerQuery = { [Key in keyof typeof customerViewFields]: ReturnType<(typeof customerViewFields)[Key]> };
export type CustomerViewKey = keyof CustomerQuery;

/** Reads a view from loosely typed input (an API's query, a bulk job's filter): never throws, key by key. */
export function readCustomerView(input: Record<string, unknown>): CustomerQuery {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(input, key);
  return Object.fromEntries(
    (Object.keys(customerViewFields) as CustomerViewKey[]).map((key) => [key, customerViewFields[key](has(key) ? input[key] : undefined)]),
  ) as CustomerQuery;
}

export const DEFAULT_CUSTOMER_QUERY: CustomerQuery = readCustomerView({});
