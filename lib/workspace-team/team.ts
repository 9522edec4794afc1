import "server-only";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { customerInvitations, roles, users } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { joinAtOnce, recordInvitation } from "@/lib/workspace-team/invitations";
import { setDirectRole } from "@/lib/workspace-team/change-collaborator-role";
import { deleteDirectMembership } from "@/lib/workspace-team/remove-collaborator";
import { listWorkspaceMembers, workspaceMembership, type WorkspaceMember } from "@/lib/workspace-team/membership";
import type { changeRoleSchema, inviteCollaboratorSchema, removeCollaboratorSchema } from "@/lib/workspace/schemas";
import { inWorkspace } from "@/lib/workspace/scope";
import { authorize } from "@/lib/authorization/authorize";

export const MANAGER_ROW_LOCKED = "Customer managers are managed by the partner: they cannot be edited or removed from inside the account.";

export type PendingInvitation = { id: number; name: string; email: string; roleName: string | null; invitedAt: Date };
export type WorkspaceRoleOption = { id: number; name: string; kind: "system" | "inheritable" | "custom" };

/** **Teams**: the workspace's collaborators with their effective role and tag (rules C6, U17, D7), and invitations. */
export async function listTeam(ctx: RequestContext): Promise<{ members: WorkspaceMember[]; invitations: PendingInvitation[] }> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", async (tx, _access, customerId) => {
    const members = await listWorkspaceMembers(tx, ctx.partnerId, customerId);
    const invitations: PendingInvitation[] = await tx
      .select({
        id: customerInvitations.id,
        name: customerInvitations.name,
        email: customerInvitations.email,
        roleName: roles.name,
        invitedAt: customerInvitations.invitedAt,
      })
      .from(customerInvitations)
      .leftJoin(roles, eq(roles.id, customerInvitations.roleId))
      .where(and(eq(customerInvitations.customerId, customerId), eq(customerInvitations.partnerId, ctx.partnerId), isNull(customerInvitations.acceptedAt)))
      .orderBy(desc(customerInvitations.invitedAt), desc(customerInvitations.id));
    return { members, invitations };
  });
}

async function workspaceRoles(tx: Queryable, partnerId: number, customerId: number): Promise<WorkspaceRoleOption[]> {
  return tx
    .select({ id: roles.id, name: roles.name, kind: roles.kind })
    .from(roles)
    .where(
      or(
        and(eq(roles.kind, "system"), isNull(roles.partnerId)),
        and(eq(roles.kind, "inheritable"), eq(roles.partnerId, partnerId)),
        and(eq(roles.kind, "custom"), eq(roles.partnerId, partnerId), eq(roles.customerId, customerId)),
      ),
    )
    .orderBy(asc(roles.kind), asc(sql`lower(${roles.name})`), asc(roles.id));
}

/** The roles a collaborator can be given here: system, the partner's inheritable ones, this workspace's own. */
export async function listWorkspaceRoles(ctx: RequestContext): Promise<WorkspaceRoleOption[]> {
  await authorize(ctx, "workspace.view");
  return inWorkspace(ctx, "workspace.view", (tx, _access, customerId) => workspaceRoles(tx, ctx.partnerId, customerId));
}

async function requireWorkspaceRole(tx: Queryable, partnerId: number, customerId: number, roleId: number) {
  const role = (await workspaceRoles(tx, partnerId, customerId)).find((option) => option.id === roleId);
  if (!role) throw new DomainError("NOT_FOUND", "Role not found", { roleId: ["Choose one of the roles offered."] });
  return role;
}

/**
 * Invites a collaborator by email with a role (rule U19). A person who already has an account joins at once (a
 * direct membership, which also works for a customer manager, rule C11; recorded and audited as the API does, by
 * joinAtOnce); an unknown email gets an invitation, with a
 * one-time link to sign up (shown once, to pass on).
 */
export async function inviteCollaborator(
  ctx: RequestContext,
  input: z.output<typeof inviteCollaboratorSchema>,
): Promise<{ outcome: "added" } | { outcome: "invited"; invitationPath: string }> {
  await authorize(ctx, "workspace.collaborators.manage");
  // Emails are compared lower-cased everywhere (the users' unique index is on lower(email)).
  const email = input.email.trim().toLowerCase();
  return inWorkspace(ctx, "collaborators.manage", async (tx, access, customerId) => {
    const role = await requireWorkspaceRole(tx, ctx.partnerId, customerId, input.roleId);
    const [user] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    const customer = { id: customerId, name: ctx.account.kind === "customer" ? ctx.account.customerName : "" };
    if (user) {
      await joinAtOnce(tx, ctx, { customer, email, name: input.name, role }, user, [], access.actingAs);
      return { outcome: "added" };
    }
    const { invitationPath } = await recordInvitation(tx, ctx, { customer, email, name: input.name, role, joined: false }, access.actingAs);
    return { outcome: "invited", invitationPath: invitationPath! };
  });
}

/** The direct membership of a collaborator, locked; refuses a customer manager's row where the rule asks (C6). */
async function requireDirectMember(tx: Queryable, ctx: RequestContext, customerId: number, userId: number, allowManager: boolean) {
  const member = await workspaceMembership(tx, ctx.partnerId, customerId, userId);
  if (!member) throw notFound("Collaborator");
  if (member.isCustomerManager && !allowManager) throw forbidden(MANAGER_ROW_LOCKED);
  if (member.source !== "direct") throw forbidden(MANAGER_ROW_LOCKED);
  return member;
}

/** Changes a direct collaborator's role. A customer manager's role is the partner's to change (rule C6). */
export async function changeCollaboratorRole(ctx: RequestContext, input: z.output<typeof changeRoleSchema>): Promise<void> {
  await authorize(ctx, "workspace.collaborators.manage");
  await inWorkspace(ctx, "collaborators.manage", async (tx, access, customerId) => {
    const member = await requireDirectMember(tx, ctx, customerId, input.userId, false);
    const role = await requireWorkspaceRole(tx, ctx.partnerId, customerId, input.roleId);
    if (role.id === member.roleId) return;
    const customer = { id: customerId, name: ctx.account.kind === "customer" ? ctx.account.customerName : "" };
    await setDirectRole(tx, ctx, customer, member, role, access.actingAs);
  });
}

/**
 * Removes a collaborator's direct invitation, with what it held in the workspace (lib/workspace-team/
 * remove-collaborator.ts, shared with the API). A customer manager cannot be removed from inside the account (rule
 * C6); when it was also invited directly, only that invitation goes and its manager role applies again (rule C12).
 */
export async function removeCollaborator(ctx: RequestContext, input: z.output<typeof removeCollaboratorSchema>): Promise<{ managerRoleApplies: boolean }> {
  await authorize(ctx, "workspace.collaborators.manage");
  return inWorkspace(ctx, "collaborators.manage", async (tx, access, customerId) => {
    const member = await requireDirectMember(tx, ctx, customerId, input.userId, true);
    const customer = { id: customerId, name: ctx.account.kind === "customer" ? ctx.account.customerName : "" };
    await deleteDirectMembership(tx, ctx, customer, member, access.actingAs);
    return { managerRoleApplies: member.isCustomerManager };
  });
}
