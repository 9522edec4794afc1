import "server-only";
import type { ActingAs } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { WorkspacePermission } from "@/lib/workspace/permissions";
import { workspaceMembership } from "@/lib/workspace-team/membership";

/** How a person is inside one customer account: its effective role (rule C12) and how its work is audited. */
export interface WorkspaceAccess {
  customerId: number;
  roleId: number;
  roleName: string;
  permissions: string[];
  /** Where the role comes from (decision D7). */
  source: "direct" | "customer_manager";
  actingAs: ActingAs;
}

/**
 * The access of the context's person to a customer workspace, or null when it has none. Only a membership (direct,
 * or through a customer manager assignment) gives access, and it decides the role. Being a partner admin gives
 * none (rule U18: "and to no one else"): an admin who must enter assigns itself as a customer manager, which the
 * customer sees on its Teams page and the audit log records.
 */
export async function workspaceAccess(tx: Queryable, ctx: RequestContext, customerId: number): Promise<WorkspaceAccess | null> {
  if (ctx.actor.kind !== "user") return null;
  const member = await workspaceMembership(tx, ctx.partnerId, customerId, ctx.actor.userId);
  if (member) {
    return {
      customerId,
      roleId: member.roleId,
      roleName: member.roleName,
      permissions: member.permissions,
      source: member.source,
      actingAs: member.source === "direct" ? "customer_collaborator" : "customer_manager",
    };
  }
  return null;
}

/**
 * For every read and write inside a customer account: the context must be in a customer account whose switch has
 * not run out, the person must still have access there (re-read in the caller's transaction), and its role must
 * hold `permission`. Throws FORBIDDEN otherwise.
 */
export async function assertWorkspacePermission(tx: Queryable, ctx: RequestContext, permission: WorkspacePermission): Promise<WorkspaceAccess> {
  if (ctx.account.kind !== "customer") throw forbidden("This is only possible inside a customer account.");
  if (ctx.account.switchExpiresAt && ctx.account.switchExpiresAt.getTime() <= ctx.now.getTime()) {
    throw forbidden("Your time in this account has run out. Switch in again from the partner account.");
  }
  const access = await workspaceAccess(tx, ctx, ctx.account.customerId);
  if (!access) throw forbidden("You no longer have access to this account.");
  if (!access.permissions.includes(permission)) {
    throw forbidden(`Your role in this account (${access.roleName}) does not allow this.`);
  }
  return access;
}
