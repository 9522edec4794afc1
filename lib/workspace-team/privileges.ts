import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { environmentRoles, environments, memberEnvironmentRoles } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import { notFound } from "@/lib/errors";
import { workspaceMembership } from "@/lib/workspace-team/membership";
import { authorize } from "@/lib/authorization/authorize";

type EnvironmentType = (typeof environments.$inferSelect)["type"];

/** A collaborator's role and privileges in one environment of the workspace. */
export interface EnvironmentPrivileges {
  environment_type: EnvironmentType;
  /**
   * `environment`: an environment role given in that environment; `privilege_group`: no environment role there, so
   * the collaborator's workspace (legacy) role applies.
   */
  role: { id: number; name: string; role_type: "environment" | "privilege_group" };
  privileges: string[];
}

/**
 * The role and privileges of a collaborator in each environment of the workspace (development, test, production).
 * A workspace without environments has its development environment only implicitly: the legacy role is answered
 * for it.
 */
export async function memberPrivileges(ctx: RequestContext, reference: string, userId: number): Promise<EnvironmentPrivileges[]> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const member = await workspaceMembership(tx, ctx.partnerId, customer.id, userId);
    if (!member) throw notFound("Collaborator");
    const rows = await tx
      .select({ type: environments.type, roleId: environmentRoles.id, roleName: environmentRoles.name, permissions: environmentRoles.permissions })
      .from(environments)
      .leftJoin(memberEnvironmentRoles, and(eq(memberEnvironmentRoles.environmentId, environments.id), eq(memberEnvironmentRoles.userId, userId)))
      .leftJoin(environmentRoles, eq(environmentRoles.id, memberEnvironmentRoles.environmentRoleId))
      .where(and(eq(environments.partnerId, ctx.partnerId), eq(environments.customerId, customer.id)))
      .orderBy(asc(environments.type));
    const legacy = { role: { id: member.roleId, name: member.roleName, role_type: "privilege_group" as const }, privileges: member.permissions };
    if (rows.length === 0) return [{ environment_type: "development", ...legacy }];
    return rows.map((row) =>
      row.roleId === null
        ? { environment_type: row.type, ...legacy }
        : { environment_type: row.type, role: { id: row.roleId, name: row.roleName!, role_type: "environment" as const }, privileges: row.permissions! },
    );
  });
}
