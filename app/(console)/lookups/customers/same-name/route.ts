import { consoleJson } from "@/lib/transport/console-route";
import { otherCustomersNamed } from "@/lib/customers/reads/same-name";

/** The partner's customers with this name, for the warning of + Add customer (issue 12: warn, never block). */
export function GET(request: Request) {
  return consoleJson(request, (ctx, params) => otherCustomersNamed(ctx, { name: (params.get("name") ?? "").slice(0, 200) }));
}
