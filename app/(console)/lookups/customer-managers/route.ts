import { consoleJson, searchTerm } from "@/lib/transport/console-route";
import { listCustomerManagers } from "@/lib/customer-managers/list";

/** The partner's customer managers matching `q` (the bulk actions' Add to / Remove from a customer manager). */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => listCustomerManagers(ctx, { q: searchTerm(params) }));
}
