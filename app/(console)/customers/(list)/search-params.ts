import {
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import type { CustomerQuery } from "@/lib/customers/query-input";
import { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "@/lib/customers/view-options";
import { parseRecordId } from "@/lib/ids";

/** A plan or app ID, read by the one ID rule (parseAsInteger would read "12abc" as 12). */
const parseAsRecordId = createParser({ parse: parseRecordId, serialize: String });

/**
 * The Customers view's URL keys (nuqs parsers), with which the browser's controls write the URL
 * (`serializeCustomerSearch`, defaults left out). The URL is read once, by `customerQueryFromSearchParams`, for the
 * rows, the counts and the export alike; the controls' state is made from what it read (`customerSearchStateOf`), so
 * that a search box or a chip never shows what the rows do not reflect.
 */
export const customerSearchParams = {
  q: parseAsString.withDefault(""),
  status: parseAsStringLiteral(STATUS_TABS).withDefault("all"),
  plan: parseAsArrayOf(parseAsRecordId).withDefault([]),
  app: parseAsRecordId,
  joined: parseAsStringLiteral(JOINED_PRESETS),
  from: parseAsString,
  to: parseAsString,
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("joined"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  page: parseAsInteger.withDefault(1),
  after: parseAsString,
  before: parseAsString,
  last: parseAsBoolean.withDefault(false),
};

export const serializeCustomerSearch = createSerializer(customerSearchParams);

export type CustomersState = inferParserType<typeof customerSearchParams>;

/** The controls' state for the view the server read from the URL, on the page it shows. */
export function customerSearchStateOf(query: CustomerQuery, page: number): CustomersState {
  return {
    q: query.q,
    status: query.status,
    plan: query.plans,
    app: query.app,
    joined: query.joined,
    from: query.from,
    to: query.to,
    sort: query.sort,
    dir: query.dir,
    size: query.size,
    page,
    after: query.after,
    before: query.before,
    last: query.last,
  };
}

/** Changing what is shown starts again from the first page. */
export const FIRST_PAGE = { page: null, after: null, before: null, last: null } as const;
