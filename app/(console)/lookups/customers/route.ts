import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { searchCustomerOptions } from "@/lib/customers/reads/picker";

/** The partner's customers matching `q` (customer pickers). */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => searchCustomerOptions(ctx, { q: searchTerm(params) }));
}
