import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "@/lib/customers/view-options";
import { parseRecordId } from "@/lib/ids";

/** A plan or app ID, read by the one ID rule (parseAsInteger would read "12abc" as 12). */
const parseAsRecordId = createParser({ parse: parseRecordId, serialize: String });

/**
 * The Customers view's URL state (nuqs parsers): the page reads it with `loadCustomerSearch` for the browser's
 * controls, which write it back with `serializeCustomerSearch` (defaults left out of the URL). The data access reads
 * the same keys, validated again, with `customerQueryFromSearchParams`.
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

/** The state of a URL; anything malformed falls back to its default. */
export const loadCustomerSearch = createLoader(customerSearchParams);

/** Changing what is shown starts again from the first page. */
export const FIRST_PAGE = { page: null, after: null, before: null, last: null } as const;
