import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { listAssignableTeamMembers } from "@/lib/customer-managers/options";

/** Team members who can become customer managers (rule C2). */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => listAssignableTeamMembers(ctx, { q: searchTerm(params) }));
}
