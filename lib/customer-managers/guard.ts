import "server-only";
import { hasScope } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import { forbidden } from "@/lib/errors";

/**
 * Managing customer managers is for partner admins in the partner account, or for an API client given the
 * `customer_managers:write` scope. Checked inside every command, so a direct call cannot skip it.
 */
export function assertMayManageManagers(ctx: RequestContext): void {
  if (ctx.actor.kind === "api_client") {
    if (!hasScope(ctx.actor.scopes, "customer_managers:write")) throw forbidden("This API client lacks the customer_managers:write permission.");
    return;
  }
  if (ctx.account.kind !== "partner") throw forbidden("This is only possible from the partner account.");
  if (ctx.actor.partnerRole !== "admin") throw forbidden("Only partner admins can do this.");
}
