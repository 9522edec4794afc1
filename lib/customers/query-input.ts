import { createLoader, createParser, createSerializer } from "nuqs/server";
import { formatNumber } from "@/lib/format";
import { searchCutNotice } from "@/lib/search/search-term";
import { customerViewFields, DEFAULT_CUSTOMER_QUERY, readCustomerView, type CustomerQuery } from "./view-fields";

export { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "./view-options";
export type { JoinedPreset, PageSize, SortKey, StatusTab } from "./view-options";
export { DEFAULT_CUSTOMER_QUERY, type CustomerQuery };

/**
 * What a view of the Customers table is: search, status tab, filters, sort and page. One definition for the
 * console page (whose controls' state is made from it: customerSearchStateOf), the CSV export, the bulk jobs' filters
 * and the REST API: the readers of view-fields.ts. Every key falls back to its default when the input holds
 * something malformed, so a bad link shows the default view instead of failing. What is well-formed but too much is
 * brought within bounds, the same way everywhere: a search is cut to its maximum (clipSearchTerm), and a page number
 * that cannot be the rows' is corrected (pageNumberOf in lib/customers/reads/table.ts). No zod here: the browser runs
 * these parsers on the Customers page.
 */

/** Parses loosely typed input (URL values, API query strings): never throws, falls back field by field. */
export function parseCustomerQuery(input: Record<string, unknown>): CustomerQuery {
  return readCustomerView(input);
}

export function hasFilters(query: CustomerQuery): boolean {
  return query.q !== "" || query.plans.length > 0 || query.app !== null || query.joined !== null;
}

/** URL keys of the Customers view (also the JSON route's and the CSV export's query string). */
export type CustomerSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: CustomerSearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

type Value<Key extends keyof CustomerQuery> = NonNullable<CustomerQuery[Key]>;

/**
 * A nuqs parser for one key of the view, whose bounds are the key's reader (view-fields.ts): what it turns a
 * malformed value into is what the URL reads as, in the browser and on the server alike.
 */
function viewParser<Key extends keyof CustomerQuery>(key: Key, read: (raw: string) => unknown = (raw) => raw, write: (value: Value<Key>) => string = String) {
  const field = customerViewFields[key] as (value: unknown) => CustomerQuery[Key];
  return createParser<Value<Key>>({
    parse: (raw) => field(read(raw)) ?? null,
    serialize: write,
    eq: (a, b) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => item === b[index]) : a === b),
  });
}

const defaults = DEFAULT_CUSTOMER_QUERY;

/**
 * The Customers view's URL keys: one nuqs parser set that reads the URL on the server (the page, the export, the
 * REST list) and writes it in the browser (`serializeCustomerView`, defaults left out). The plan filter is `plan` in
 * the URL (one or more IDs, comma-separated).
 */
export const customerViewParsers = {
  q: viewParser("q").withDefault(defaults.q),
  status: viewParser("status").withDefault(defaults.status),
  plans: viewParser(
    "plans",
    (raw) => raw.split(",").filter(Boolean),
    (ids) => ids.join(","),
  ).withDefault(defaults.plans),
  app: viewParser("app"),
  joined: viewParser("joined"),
  from: viewParser("from"),
  to: viewParser("to"),
  sort: viewParser("sort").withDefault(defaults.sort),
  dir: viewParser("dir").withDefault(defaults.dir),
  size: viewParser("size").withDefault(defaults.size),
  page: viewParser("page").withDefault(defaults.page),
  after: viewParser("after"),
  before: viewParser("before"),
  last: viewParser("last", (raw) => raw === "true").withDefault(defaults.last),
};
const urlKeys = { plans: "plan" } as const;

const loadCustomerView = createLoader(customerViewParsers, { urlKeys });
export const serializeCustomerView = createSerializer(customerViewParsers, { urlKeys });

/** Reads a view from the URL; anything malformed falls back to its default, key by key. */
export function customerQueryFromSearchParams(params: CustomerSearchParams): CustomerQuery {
  return loadCustomerView(params);
}

/**
 * What the URL asked for that the view brought within bounds, said above the rows: a search cut to its maximum, a
 * page number that is not the page shown (`shownPage`, from the table). The export reads the URL the same way.
 */
export function customerQueryNotices(params: CustomerSearchParams, query: CustomerQuery, shownPage: number): string[] {
  const notices: string[] = [];
  const cut = searchCutNotice(first(params, "q"));
  if (cut) notices.push(cut);
  if (!query.last && shownPage !== query.page) {
    notices.push(`The address asked for page ${formatNumber(query.page)}: showing page ${formatNumber(shownPage)}.`);
  }
  return notices;
}
