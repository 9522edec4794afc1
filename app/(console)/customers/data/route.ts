import { consoleJson } from "@/lib/actions/console-route";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomerTable } from "@/lib/customers/table";

/** The Customers table's JSON, fetched by the table on every change of search, filters, sort or page. */
export async function GET(request: Request) {
  return consoleJson(request, (ctx, params) => loadCustomerTable(ctx, customerQueryFromSearchParams(params)));
}
