import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { searchAuditPeople } from "@/lib/audit/people";

/** People the audit log can be filtered by. */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => searchAuditPeople(ctx, { q: searchTerm(params) }));
}
