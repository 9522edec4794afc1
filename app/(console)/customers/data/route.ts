import { consoleJson } from "@/lib/actions/console-route";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomerTable } from "@/lib/customers/table";

/**
 * One view of the Customers table as JSON (the rows and the counts), for the console's session. The page no longer
 * fetches it (the server renders the rows on every change of the URL); `npm run bench` still measures it.
 */
export async function GET(request: Request) {
  return consoleJson(request, (ctx, params) => loadCustomerTable(ctx, customerQueryFromSearchParams(params)));
}
