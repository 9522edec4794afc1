import "server-only";
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { projectGrants, userGroupMembers, userGroups } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { groupIn } from "@/lib/user-groups/groups";
import { workspaceMembership } from "@/lib/workspace-team/membership";
import { findGrants, grantsWhere, pageOfGrants, toProjectGrant, type Page, type PageInput, type ProjectGrant } from "./grants";
import { reachOf } from "./reach";
import { authorize } from "@/lib/authorization/authorize";

/** The grants of one collaborator group, within the client's reach (rule A10). */
export async function listGroupProjectGrants(ctx: RequestContext, reference: string, groupId: number, page: PageInput): Promise<Page<ProjectGrant>> {
  await authorize(ctx, "collaborators.read");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const group = await groupIn(tx, ctx, customer.id, groupId);
    return pageOfGrants(tx, grantsWhere(ctx.partnerId, customer.id, reach, eq(projectGrants.userGroupId, group.id)), page);
  });
}

async function requireCollaborator(tx: Queryable, ctx: RequestContext, customerId: number, userId: number) {
  const member = await workspaceMembership(tx, ctx.partnerId, customerId, userId);
  if (!member) throw notFound("Collaborator");
  return member;
}

/** The grants given to a collaborator directly (not through its groups), within the client's reach. */
export async function listMemberProjectGrants(ctx: RequestContext, reference: string, userId: number, page: PageInput): Promise<Page<ProjectGrant>> {
  await authorize(ctx, "collaborators.read");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    await requireCollaborator(tx, ctx, customer.id, userId);
    return pageOfGrants(tx, grantsWhere(ctx.partnerId, customer.id, reach, eq(projectGrants.userId, userId)), page);
  });
}

/** What a collaborator may do in one project, and through which grant. */
export interface ProjectPrivileges {
  project: ProjectGrant["project"];
  project_role: ProjectGrant["project_role"];
  privileges: string[];
  /** Null for a grant to the collaborator itself; the group otherwise. */
  user_group: ProjectGrant["user_group"];
}

/**
 * A collaborator's access to projects, given directly or through its collaborator groups (one entry per grant),
 * within the client's reach.
 */
export async function memberProjectsPrivileges(ctx: RequestContext, reference: string, userId: number): Promise<ProjectPrivileges[]> {
  await authorize(ctx, "collaborators.read");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    await requireCollaborator(tx, ctx, customer.id, userId);
    const groups = tx
      .select({ id: userGroupMembers.userGroupId })
      .from(userGroupMembers)
      .innerJoin(userGroups, eq(userGroups.id, userGroupMembers.userGroupId))
      .where(and(eq(userGroupMembers.userId, userId), eq(userGroups.customerId, customer.id)));
    const rows = await findGrants(
      tx,
      grantsWhere(
        ctx.partnerId,
        customer.id,
        reach,
        or(eq(projectGrants.userId, userId), and(isNotNull(projectGrants.userGroupId), inArray(projectGrants.userGroupId, groups))),
      ),
    );
    return rows.map((row) => {
      const grant = toProjectGrant(row);
      return { project: grant.project, project_role: grant.project_role, privileges: row.rolePermissions, user_group: grant.user_group };
    });
  });
}
