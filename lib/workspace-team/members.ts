import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { customerMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import { listWorkspaceMembers, workspaceMembership, type WorkspaceMember } from "@/lib/workspace-team/membership";
import { giveEnvironmentRoles, resolveInvitedRoles, type EnvRole } from "./invited-roles";
import { setDirectRole } from "./change-collaborator-role";
import { deleteDirectMembership } from "./remove-collaborator";
import { workspaceRoleByName } from "./roles";
import { authorize } from "@/lib/authorization/authorize";

/** A collaborator of a customer workspace, as the REST API shows it. */
export interface WorkspaceCollaborator {
  id: number;
  name: string;
  email: string;
  role_name: string;
  time_zone: string;
  external_id: string | null;
  /** `direct`: invited to the workspace; `customer_manager`: there as one of the partner's customer managers. */
  grant_type: "direct" | "customer_manager";
}

async function directDetails(tx: Queryable, customerId: number, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, { timeZone: string; externalId: string | null }>();
  const rows = await tx
    .select({ userId: customerMembers.userId, timeZone: customerMembers.timeZone, externalId: customerMembers.externalId })
    .from(customerMembers)
    .where(and(eq(customerMembers.customerId, customerId), inArray(customerMembers.userId, userIds)));
  return new Map(rows.map((row) => [row.userId, row]));
}

function toCollaborator(member: WorkspaceMember, details: { timeZone: string; externalId: string | null } | undefined): WorkspaceCollaborator {
  return {
    id: member.userId,
    name: member.name,
    email: member.email,
    role_name: member.roleName,
    time_zone: details?.timeZone ?? "UTC",
    external_id: details?.externalId ?? null,
    grant_type: member.source,
  };
}

export async function listCollaborators(ctx: RequestContext, reference: string): Promise<WorkspaceCollaborator[]> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const members = await listWorkspaceMembers(tx, ctx.partnerId, customer.id);
    const details = await directDetails(
      tx,
      customer.id,
      members.map((member) => member.userId),
    );
    return members.map((member) => toCollaborator(member, details.get(member.userId)));
  });
}

async function collaboratorIn(tx: Queryable, ctx: RequestContext, customerId: number, userId: number): Promise<WorkspaceCollaborator> {
  const member = await workspaceMembership(tx, ctx.partnerId, customerId, userId);
  if (!member) throw notFound("Collaborator");
  const details = await directDetails(tx, customerId, [userId]);
  return toCollaborator(member, details.get(userId));
}

export async function getCollaborator(ctx: RequestContext, reference: string, userId: number): Promise<WorkspaceCollaborator> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    return collaboratorIn(tx, ctx, customer.id, userId);
  });
}

export interface AddCollaboratorInput {
  name: string;
  email: string;
  /** role_name, or env_roles (which wins), as an invitation takes them. */
  roleName?: string;
  envRoles?: EnvRole[];
  externalId: string | null;
  timeZone: string;
}

/** The user with this email, or a new one who has not signed up yet (no password). */
export async function userForEmail(tx: Queryable, email: string, name: string): Promise<{ id: number; created: boolean }> {
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  if (existing) return { id: existing.id, created: false };
  const [created] = await tx.insert(users).values({ name, email, passwordHash: null }).returning({ id: users.id });
  return { id: created!.id, created: true };
}

/** Adds a person to a customer workspace directly (rule C11), with a role; a person already there is a conflict. */
export async function addCollaborator(ctx: RequestContext, reference: string, input: AddCollaboratorInput): Promise<WorkspaceCollaborator> {
  await authorize(ctx, "collaborators.write");
  try {
    return await inPartnerScope(ctx, async (tx) => {
      const customer = await findManagedUser(tx, ctx, reference);
      const workspace = { partnerId: ctx.partnerId, customerId: customer.id };
      const { role, environmentRoles } = await resolveInvitedRoles(tx, workspace, input);
      const user = await userForEmail(tx, input.email, input.name);
      await tx.insert(customerMembers).values({
        partnerId: ctx.partnerId,
        customerId: customer.id,
        userId: user.id,
        roleId: role.id,
        externalId: input.externalId,
        timeZone: input.timeZone,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: "collaborator.add",
        targetType: "user",
        targetId: user.id,
        customer: { id: customer.id, name: customer.name },
        changes: {
          email: { from: null, to: input.email },
          role: { from: null, to: role.name },
          ...(environmentRoles.length > 0
            ? { environmentRoles: { from: null, to: environmentRoles.map((given) => `${given.environmentType}: ${given.name}`) } }
            : {}),
        },
      });
      await giveEnvironmentRoles(tx, { ...workspace, userId: user.id }, environmentRoles);
      return collaboratorIn(tx, ctx, customer.id, user.id);
    });
  } catch (error) {
    if (isUniqueViolation(error, "customer_members_customer_user_key")) {
      throw conflict("This person is already a collaborator of the workspace.", { email: ["Already a collaborator."] });
    }
    throw error;
  }
}

export interface UpdateCollaboratorInput {
  roleName?: string;
  timeZone?: string;
  externalId?: string | null;
}

/**
 * Changes a direct member's role (audited as the Teams page audits it, `collaborator.role_change`), time zone or
 * external ID (`collaborator.update`). Customer managers are changed as managers (rule C6).
 */
export async function updateCollaborator(
  ctx: RequestContext,
  reference: string,
  userId: number,
  input: UpdateCollaboratorInput,
): Promise<WorkspaceCollaborator> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const [current] = await tx
      .select()
      .from(customerMembers)
      .where(and(eq(customerMembers.customerId, customer.id), eq(customerMembers.userId, userId), eq(customerMembers.partnerId, ctx.partnerId)))
      .for("update");
    if (!current) throw notFound("Collaborator");
    const next: Partial<typeof customerMembers.$inferInsert> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.roleName !== undefined) {
      const role = await workspaceRoleByName(tx, ctx.partnerId, customer.id, input.roleName);
      // The role is the Teams page's verb, written and audited the one way (change-collaborator-role.ts).
      const member = await workspaceMembership(tx, ctx.partnerId, customer.id, userId);
      if (role.id !== current.roleId && member) await setDirectRole(tx, ctx, { id: customer.id, name: customer.name }, member, role);
    }
    if (input.timeZone !== undefined && input.timeZone !== current.timeZone) {
      next.timeZone = input.timeZone;
      changes.timeZone = { from: current.timeZone, to: input.timeZone };
    }
    if (input.externalId !== undefined && input.externalId !== current.externalId) {
      next.externalId = input.externalId;
      changes.externalId = { from: current.externalId, to: input.externalId };
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(customerMembers)
        .set({ ...next, updatedAt: ctx.now })
        .where(eq(customerMembers.id, current.id));
      await recordAudit(tx, ctx, {
        action: "collaborator.update",
        targetType: "user",
        targetId: userId,
        customer: { id: customer.id, name: customer.name },
        changes,
      });
    }
    return collaboratorIn(tx, ctx, customer.id, userId);
  });
}

/**
 * Removes a direct member from the workspace with what it held there (lib/workspace-team/remove-collaborator.ts,
 * shared with the Teams page). A customer manager keeps its manager access (rule C12): only the direct invitation goes.
 */
export async function removeCollaborator(ctx: RequestContext, reference: string, userId: number): Promise<void> {
  await authorize(ctx, "collaborators.write");
  await inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const member = await workspaceMembership(tx, ctx.partnerId, customer.id, userId);
    // Only a direct invitation can be removed; a manager's access is the partner's assignment.
    if (!member || member.source !== "direct") throw notFound("Collaborator");
    await deleteDirectMembership(tx, ctx, { id: customer.id, name: customer.name }, member);
  });
}
