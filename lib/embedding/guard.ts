import "server-only";
import { hasScope } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import { forbidden } from "@/lib/errors";

/**
 * Embedding (signing keys, vendor ID) is for partner admins in the partner account, or an API client with the
 * `embedding:read` / `embedding:write` scope. Checked first in every command, so a direct call cannot skip it.
 */
export function assertMayManageEmbedding(ctx: RequestContext, access: "read" | "write"): void {
  if (ctx.actor.kind === "api_client") {
    const scope = access === "write" ? "embedding:write" : "embedding:read";
    if (!hasScope(ctx.actor.scopes, scope)) throw forbidden(`This API client lacks the ${scope} permission.`);
    return;
  }
  if (ctx.account.kind !== "partner") throw forbidden("This is only possible from the partner account.");
  if (ctx.actor.partnerRole !== "admin") throw forbidden("Only partner admins can do this.");
}
