import "server-only";
import { and, eq } from "drizzle-orm";
import { customers, roles } from "@/db/schema";
import type { ActingAs } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { WorkspacePermission } from "@/lib/workspace/permissions";
import { workspaceMembership } from "./members";

/** How a person is inside one customer account: its effective role (rule C12) and how its work is audited. */
export interface WorkspaceAccess {
  customerId: number;
  roleId: number;
  roleName: string;
  permissions: string[];
  /** Where the role comes from (decision D7); `partner_admin` for an admin who entered without a membership. */
  source: "direct" | "customer_manager" | "partner_admin";
  actingAs: ActingAs;
}

/**
 * The access of the context's person to a customer workspace, or null when it has none. A membership (direct or
 * through a customer manager assignment) decides the role; a partner admin with no membership acts with the
 * system role Admin (rule U18: partner admins may enter any customer).
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
  if (ctx.actor.partnerRole !== "admin") return null;
  const [row] = await tx
    .select({ roleId: roles.id, roleName: roles.name, permissions: roles.permissions })
    .from(customers)
    .innerJoin(roles, and(eq(roles.kind, "system"), eq(roles.name, "Admin")))
    .where(and(eq(customers.id, customerId), eq(customers.partnerId, ctx.partnerId)));
  return row ? { customerId, ...row, source: "partner_admin", actingAs: "partner_admin" } : null;
}

/**
 * For every read and write inside a customer account: the context must be in a customer account whose switch has
 * not run out, the person must still have access there (re-read in the caller's transaction), and its role must
 * hold `permission`. Throws FORBIDDEN otherwise.
 */
export async function assertWorkspacePermission(
  tx: Queryable,
  ctx: RequestContext,
  permission: WorkspacePermission,
): Promise<WorkspaceAccess> {
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
