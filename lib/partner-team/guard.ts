import "server-only";
import { hasScope } from "@/lib/api-clients/scopes";
import type { RequestContext } from "@/lib/context";
import { forbidden } from "@/lib/errors";

/**
 * The partner's own team (the Teams page): every member may see it, from the partner account; partner admins, or an
 * API client with `members:write`, manage it. Checked on the first line of every command.
 */
export function assertMayViewTeam(ctx: RequestContext): void {
  if (ctx.actor.kind === "api_client") {
    if (!hasScope(ctx.actor.scopes, "members:read")) throw forbidden("This API client lacks the members:read permission.");
    return;
  }
  if (ctx.account.kind !== "partner") throw forbidden("This is only possible from the partner account.");
  if (ctx.actor.partnerRole === null) throw forbidden("Only members of the partner team can do this.");
}

export function assertMayManageTeam(ctx: RequestContext): void {
  if (ctx.actor.kind === "api_client") {
    if (!hasScope(ctx.actor.scopes, "members:write")) throw forbidden("This API client lacks the members:write permission.");
    return;
  }
  if (ctx.account.kind !== "partner") throw forbidden("This is only possible from the partner account.");
  if (ctx.actor.partnerRole !== "admin") throw forbidden("Only partner admins can do this.");
}

/** The outbox's delivery status (lib/mail): partner admins only, it names every recipient. */
export function assertMaySeeEmail(ctx: RequestContext): void {
  if (ctx.actor.kind === "api_client" || ctx.account.kind !== "partner" || ctx.actor.partnerRole !== "admin") {
    throw forbidden("Only partner admins can see the email outbox.");
  }
}
