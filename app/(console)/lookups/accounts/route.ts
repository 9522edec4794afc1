import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { countEnterableCustomers, searchEnterableCustomers } from "@/lib/workspace-access/enterable";

/** The customer accounts the signed-in person may switch into (the account switcher), with how many there are. */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => searchEnterableCustomers(ctx, { q: searchTerm(params) }), {
    total: (ctx) => countEnterableCustomers(ctx),
  });
}
