import { customerViewParsers, serializeCustomerView, type CustomerQuery } from "@/lib/customers/query-input";

/**
 * The Customers view's URL state in the browser: the same nuqs parsers that read the URL on the server
 * (lib/customers/query-input.ts), so a control writes exactly what the server will read.
 */
export const customerSearchParams = customerViewParsers;
export const serializeCustomerSearch = serializeCustomerView;

export type CustomersState = CustomerQuery;

/** The controls' state for the view the server read from the URL, on the page it shows. */
export function customerSearchStateOf(query: CustomerQuery, page: number): CustomersState {
  return { ...query, page };
}

/** Changing what is shown starts again from the first page. */
export const FIRST_PAGE = { page: null, after: null, before: null, last: null } as const;
