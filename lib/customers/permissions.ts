import type { RequestContext } from "@/lib/context";
import { hasScope } from "@/lib/api-clients/scopes";
import { forbidden } from "@/lib/errors";

/**
 * Every partner team member may look at a customer's page; only partner admins (or an API client given the
 * `customers:write` scope) change its settings or app access, or delete it. The server actions check this
 * through `consoleAction`; the commands check it again so that no other caller can skip it.
 */
export function mayManageCustomers(ctx: RequestContext): boolean {
  if (ctx.actor.kind === "api_client") return hasScope(ctx.actor.scopes, "customers:write");
  return ctx.actor.partnerRole === "admin" && ctx.account.kind === "partner";
}

export function assertMayManageCustomers(ctx: RequestContext): void {
  if (!mayManageCustomers(ctx)) throw forbidden("Only partner admins can change a customer's settings.");
}
