import { searchTerm, switchedInJson } from "@/lib/transport/console-route";
import { countEnterableCustomers, searchOtherEnterableCustomers } from "@/lib/workspace-access/enterable";

/**
 * The other customer accounts a switched-in person may switch straight into (the workspace's account switcher,
 * issue 12), with how many there are: every account it may enter but the one it is in.
 */
export function GET(request: Request) {
  return switchedInJson(request, (ctx, params) => searchOtherEnterableCustomers(ctx, { q: searchTerm(params) }), {
    total: async (ctx) => Math.max(0, (await countEnterableCustomers(ctx)) - 1),
  });
}
