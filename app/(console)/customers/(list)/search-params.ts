import {
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { JOINED_PRESETS, PAGE_SIZES, SORT_KEYS, STATUS_TABS } from "@/lib/customers/view-options";

/**
 * The Customers view's URL state, for the browser (nuqs). The server reads the same keys with
 * `customerQueryFromSearchParams`; defaults are left out of the URL.
 */
export const customerSearchParams = {
  q: parseAsString.withDefault(""),
  status: parseAsStringLiteral(STATUS_TABS).withDefault("all"),
  plan: parseAsArrayOf(parseAsInteger).withDefault([]),
  app: parseAsInteger,
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

/** Changing what is shown starts again from the first page. */
export const FIRST_PAGE = { page: null, after: null, before: null, last: null } as const;
