import { createLoader, createParser, createSerializer } from "nuqs/server";
import "@/lib/zod-browser";
import { z } from "zod";
import { recordIdNumberOrText } from "@/lib/id-schemas";
import { formatNumber } from "@/lib/format";
import { clipSearchTerm, searchCutNotice } from "@/lib/search/search-term";
import { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "./view-options";

export { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS };
export type { JoinedPreset, PageSize, SortKey, StatusTab } from "./view-options";

/**
 * What a view of the Customers table is: search, status tab, filters, sort and page. One definition for the
 * console page (whose controls' state is made from it: customerSearchStateOf), the CSV export and the REST API;
 * every field falls back to its default when the URL holds something malformed, so a bad link shows the default view
 * instead of failing. What is well-formed but too much is brought within bounds, the same way everywhere: a search
 * is cut to its maximum (clipSearchTerm), and a page number that cannot be the rows' is corrected (pageNumberOf in
 * lib/customers/reads/table.ts).
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

export const customerQuerySchema = z.object({
  q: z.string().catch("").transform(clipSearchTerm),
  status: z.enum(STATUS_TABS).catch("all"),
  plans: z.array(recordIdNumberOrText()).max(50).catch([]),
  app: recordIdNumberOrText().nullable().catch(null),
  joined: z.enum(JOINED_PRESETS).nullable().catch(null),
  from: isoDate.nullable().catch(null),
  to: isoDate.nullable().catch(null),
  sort: z.enum(SORT_KEYS).catch("joined"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  size: z.coerce
    .number()
    .pipe(z.union(PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]))
    .catch(25),
  page: z.coerce.number().int().min(1).max(10_000_000).catch(1),
  /** Keyset cursors: the sort value and ID of the row the page starts after, or ends before. */
  after: z.string().max(500).nullable().catch(null),
  before: z.string().max(500).nullable().catch(null),
  last: z.boolean().catch(false),
});
export type CustomerQuery = z.output<typeof customerQuerySchema>;

export const DEFAULT_CUSTOMER_QUERY: CustomerQuery = customerQuerySchema.parse({});

/** Parses loosely typed input (URL values, API query strings): never throws, falls back field by field. */
export function parseCustomerQuery(input: Record<string, unknown>): CustomerQuery {
  return customerQuerySchema.parse(input);
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
 * A nuqs parser for one key of the view, whose bounds are the schema's own field: what the field's `catch` turns a
 * malformed value into is what the URL reads as, in the browser and on the server alike.
 */
function viewParser<Key extends keyof CustomerQuery>(key: Key, read: (raw: string) => unknown = (raw) => raw, write: (value: Value<Key>) => string = String) {
  const field = customerQuerySchema.shape[key] as unknown as z.ZodType<CustomerQuery[Key]>;
  return createParser<Value<Key>>({
    parse: (raw) => field.parse(read(raw)) ?? null,
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
