import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { customerInvitations, customerMembers, environmentRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/managed-user";
import type { Queryable } from "@/lib/db";
import { DomainError, invalid } from "@/lib/errors";
import { workspaceRoleByName } from "./roles";
import { visibleIn } from "./workspace-roles";

export interface EnvRole {
  environment_type: "development" | "test" | "production";
  name: string;
  role_type: "privilege_group" | "environment";
}

export interface InviteInput {
  name: string;
  email: string;
  roleName?: string;
  envRoles?: EnvRole[];
}

/** The same email can be invited to the same workspace once every 20 minutes (documented). */
const REINVITE_MS = 20 * 60 * 1000;

async function checkEnvironmentRole(tx: Queryable, partnerId: number, customerId: number, name: string, index: number) {
  const [role] = await tx
    .select({ id: environmentRoles.id })
    .from(environmentRoles)
    .where(and(eq(environmentRoles.name, name), visibleIn("environment", partnerId, customerId)))
    .limit(1);
  if (!role) throw invalid(`No environment role named "${name}".`, { [`envRoles.${index}.name`]: [`No environment role named "${name}".`] });
}

/**
 * Invites a person to a customer workspace. Someone who already has an account becomes a direct member at once;
 * an unknown email gets a pending invitation, which becomes a membership when that person signs up. `env_roles`
 * wins over `role_name`; the development environment's legacy role is the member's workspace role.
 */
export async function inviteCollaborator(ctx: RequestContext, reference: string, input: InviteInput): Promise<{ invited: "member" | "invitation" }> {
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const envRoles = input.envRoles ?? [];
    for (const [index, envRole] of envRoles.entries()) {
      if (envRole.role_type === "environment") await checkEnvironmentRole(tx, ctx.partnerId, customer.id, envRole.name, index);
      else await workspaceRoleByName(tx, ctx.partnerId, customer.id, envRole.name, `envRoles.${index}.name`);
    }
    const legacyName =
      envRoles.length > 0
        ? envRoles.find((envRole) => envRole.environment_type === "development" && envRole.role_type === "privilege_group")?.name
        : input.roleName;
    const role = legacyName ? await workspaceRoleByName(tx, ctx.partnerId, customer.id, legacyName) : null;
    const [recent] = await tx
      .select({ invitedAt: customerInvitations.invitedAt })
      .from(customerInvitations)
      .where(
        and(
          eq(customerInvitations.customerId, customer.id),
          sql`lower(${customerInvitations.email}) = lower(${input.email})`,
          gt(customerInvitations.invitedAt, new Date(ctx.now.getTime() - REINVITE_MS)),
        ),
      )
      .orderBy(desc(customerInvitations.invitedAt))
      .limit(1);
    if (recent) {
      const wait = Math.ceil((recent.invitedAt.getTime() + REINVITE_MS - ctx.now.getTime()) / 1000);
      throw new DomainError("RATE_LIMITED", "This email was invited to this workspace less than 20 minutes ago.", { email: ["Invited recently."] }, wait);
    }
    const [user] = await tx.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    const joinsNow = user !== undefined && user.passwordHash !== null && role !== null;
    await tx.insert(customerInvitations).values({
      partnerId: ctx.partnerId,
      customerId: customer.id,
      email: input.email,
      name: input.name,
      roleId: role?.id ?? null,
      envRoles,
      invitedAt: ctx.now,
      acceptedAt: joinsNow ? ctx.now : null,
    });
    if (joinsNow) {
      await tx
        .insert(customerMembers)
        .values({ partnerId: ctx.partnerId, customerId: customer.id, userId: user.id, roleId: role.id, createdAt: ctx.now, updatedAt: ctx.now })
        .onConflictDoNothing();
    }
    await recordAudit(tx, ctx, {
      action: "collaborator.invite",
      targetType: "invitation",
      customer: { id: customer.id, name: customer.name },
      changes: { email: { from: null, to: input.email }, role: { from: null, to: role?.name ?? null }, joined: joinsNow },
    });
    return { invited: joinsNow ? "member" : "invitation" };
  });
}
