import { consoleJson, searchTerm } from "@/lib/actions/console-route";
import { searchEnterableCustomers } from "@/lib/workspace-access/enterable";

/** The customer accounts the signed-in person may switch into (the account switcher). */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => searchEnterableCustomers(ctx, { q: searchTerm(params) }));
}
