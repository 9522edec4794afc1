import "server-only";
import { hasScope } from "@/lib/api-clients/scopes";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { assertWorkspacePermission, type WorkspaceAccess } from "@/lib/workspace-access/access";
import { PERMISSIONS, type Permission, type PermissionRule } from "./permissions";

export type { Permission } from "./permissions";

/** A context that may carry the person's access in its customer account, read once for this request. */
export type AuthorizeContext = RequestContext & { workspace?: Pick<WorkspaceAccess, "roleName" | "permissions"> };

export const REFUSALS = {
  partnerOnly: "This is only possible from the partner account.",
  insideOnly: "This is only possible inside a customer account.",
  teamOnly: "Only members of the partner team can do this.",
  adminsOnly: "Only partner admins can do this.",
  switchEnded: "Your time in this account has run out. Switch in again from the partner account.",
  noApiClient: "API clients cannot do this.",
  apiOnly: "Only API clients can do this.",
} as const;

const scopeRefusal = (scope: string) => `This API client lacks the ${scope} permission.`;
const roleRefusal = (roleName: string) => `Your role in this account (${roleName}) does not allow this.`;

/**
 * Why the context may not have `permission`, or null when it may. Decides everything that the context itself
 * says; inside a customer account without `access`, the role's permissions are still to be read (`"read access"`).
 */
export function refusalOf(ctx: AuthorizeContext, permission: Permission): string | "read access" | null {
  const rule: PermissionRule = PERMISSIONS[permission];
  if (ctx.actor.kind === "api_client") {
    if (!rule.scope) return REFUSALS.noApiClient;
    return hasScope(ctx.actor.scopes, rule.scope) ? null : scopeRefusal(rule.scope);
  }
  if (!rule.partner && !rule.workspace) return REFUSALS.apiOnly;
  if (ctx.account.kind === "partner") {
    if (!rule.partner) return REFUSALS.insideOnly;
    if (ctx.actor.partnerRole === null) return REFUSALS.teamOnly;
    if (rule.partner === "admin" && ctx.actor.partnerRole !== "admin") return REFUSALS.adminsOnly;
    return null;
  }
  if (!rule.workspace) return REFUSALS.partnerOnly;
  if (ctx.account.switchExpiresAt && ctx.account.switchExpiresAt.getTime() <= ctx.now.getTime()) return REFUSALS.switchEnded;
  if (!ctx.workspace) return "read access";
  return ctx.workspace.permissions.includes(rule.workspace) ? null : roleRefusal(ctx.workspace.roleName);
}

/**
 * The first line of every command: throws the domain's FORBIDDEN unless the context may have `permission`, by the
 * person's partner role (in the partner account), its role's permissions (inside a customer account) or the API
 * client's scopes (lib/authorization/permissions.ts). The transports only say who is calling; this decides what
 * they may do, so that a command called by any of them, or directly, refuses the same way.
 */
export async function authorize(ctx: AuthorizeContext, permission: Permission): Promise<void> {
  const refusal = refusalOf(ctx, permission);
  if (refusal === null) return;
  if (refusal !== "read access") throw forbidden(refusal);
  // Inside a customer account with no access read yet: read it (it may have been taken away since sign-in).
  const needed = (PERMISSIONS[permission] as PermissionRule).workspace!;
  await inPartnerScope(ctx, (tx) => assertWorkspacePermission(tx, ctx, needed));
}

/** For pages and views: whether to offer what `permission` allows (the command checks again). */
export function permits(ctx: AuthorizeContext, permission: Permission): boolean {
  return refusalOf(ctx, permission) === null;
}
