import "server-only";
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { environments, projectGrants, projectRoles, projects, userGroups, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { workspaceMembership } from "@/lib/workspace-team/membership";
import { visibleIn } from "@/lib/workspace-team/workspace-roles";
import { reachOf, withinReach, type Reach } from "./reach";
import { authorize } from "@/lib/authorization/authorize";

/** A project grant as the REST API shows it: a project role given to a collaborator or to a group. */
export interface ProjectGrant {
  id: number;
  project: { id: number; name: string; environment: { id: number; type: "development" | "test" | "production" } };
  project_role: { id: number; name: string };
  user_group: { id: number; name: string } | null;
  user: { id: number; name: string; email: string } | null;
}

export interface Page<T> {
  data: T[];
  total: number;
  page: { number: number; size: number };
}

export interface PageInput {
  page: number;
  size: number;
}

const grantColumns = {
  id: projectGrants.id,
  projectId: projects.id,
  projectName: projects.name,
  environmentId: environments.id,
  environmentType: environments.type,
  roleId: projectRoles.id,
  roleName: projectRoles.name,
  rolePermissions: projectRoles.permissions,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
  groupId: userGroups.id,
  groupName: userGroups.name,
};

/** The grants of one workspace that `where` keeps, limited to what the actor may reach (rule A10). */
export function grantsWhere(partnerId: number, customerId: number, reach: Reach, where?: SQL) {
  return and(eq(projectGrants.partnerId, partnerId), eq(projectGrants.customerId, customerId), withinReach(reach), where);
}

type GrantRow = Awaited<ReturnType<typeof selectGrants>>[number];

function selectGrants(tx: Queryable) {
  return tx
    .select(grantColumns)
    .from(projectGrants)
    .innerJoin(projects, eq(projects.id, projectGrants.projectId))
    .innerJoin(environments, eq(environments.id, projects.environmentId))
    .innerJoin(projectRoles, eq(projectRoles.id, projectGrants.projectRoleId))
    .leftJoin(users, eq(users.id, projectGrants.userId))
    .leftJoin(userGroups, eq(userGroups.id, projectGrants.userGroupId));
}

export async function findGrants(tx: Queryable, condition: SQL | undefined, page?: PageInput): Promise<GrantRow[]> {
  const query = selectGrants(tx).where(condition).orderBy(asc(projects.name), asc(projects.id), asc(projectGrants.id));
  return page ? query.limit(page.size).offset((page.page - 1) * page.size) : query;
}

export function toProjectGrant(row: GrantRow): ProjectGrant {
  return {
    id: row.id,
    project: { id: row.projectId, name: row.projectName, environment: { id: row.environmentId, type: row.environmentType } },
    project_role: { id: row.roleId, name: row.roleName },
    user_group: row.groupId === null ? null : { id: row.groupId, name: row.groupName! },
    user: row.userId === null ? null : { id: row.userId, name: row.userName!, email: row.userEmail! },
  };
}

/** One page of the grants `condition` keeps, with their total. */
export async function pageOfGrants(tx: Queryable, condition: SQL | undefined, page: PageInput): Promise<Page<ProjectGrant>> {
  const [total] = await tx
    .select({ n: count() })
    .from(projectGrants)
    .innerJoin(projects, eq(projects.id, projectGrants.projectId))
    .innerJoin(environments, eq(environments.id, projects.environmentId))
    .where(condition);
  const rows = await findGrants(tx, condition, page);
  return { data: rows.map(toProjectGrant), total: total?.n ?? 0, page: { number: page.page, size: page.size } };
}

async function grantIn(tx: Queryable, ctx: RequestContext, customerId: number, reach: Reach, id: number): Promise<GrantRow> {
  const [row] = await findGrants(tx, grantsWhere(ctx.partnerId, customerId, reach, eq(projectGrants.id, id)));
  // A grant outside the client's reach answers like a missing one (rule A10, decision D8).
  if (!row) throw notFound("Project grant");
  return row;
}

/** A project role the workspace sees (system, inherited or its own custom one); otherwise a field error. */
async function projectRoleFor(tx: Queryable, ctx: RequestContext, customerId: number, id: number, field: string) {
  const [role] = await tx
    .select({ id: projectRoles.id, name: projectRoles.name })
    .from(projectRoles)
    .where(and(eq(projectRoles.id, id), visibleIn("project", ctx.partnerId, customerId)));
  if (!role) throw invalid(`No project role with ID ${id} in this workspace.`, { [field]: [`No project role with ID ${id}.`] });
  return role;
}

export async function getProjectGrant(ctx: RequestContext, reference: string, id: number): Promise<ProjectGrant> {
  await authorize(ctx, "collaborators.read");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    return toProjectGrant(await grantIn(tx, ctx, customer.id, reach, id));
  });
}

/** Gives a grant another project role. */
export async function updateProjectGrant(ctx: RequestContext, reference: string, id: number, input: { projectRoleId: number }): Promise<ProjectGrant> {
  await authorize(ctx, "collaborators.write");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const current = await grantIn(tx, ctx, customer.id, reach, id);
    const role = await projectRoleFor(tx, ctx, customer.id, input.projectRoleId, "projectRoleId");
    if (role.id !== current.roleId) {
      await tx.update(projectGrants).set({ projectRoleId: role.id, updatedAt: ctx.now }).where(eq(projectGrants.id, id));
      await recordAudit(tx, ctx, {
        action: "project_grant.updated",
        targetType: "project_grant",
        targetId: id,
        customer: { id: customer.id, name: customer.name },
        changes: { projectRole: { from: current.roleName, to: role.name } },
      });
    }
    return toProjectGrant(await grantIn(tx, ctx, customer.id, reach, id));
  });
}

export async function deleteProjectGrant(ctx: RequestContext, reference: string, id: number): Promise<void> {
  await authorize(ctx, "collaborators.write");
  const reach = await reachOf(ctx);
  await inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const current = toProjectGrant(await grantIn(tx, ctx, customer.id, reach, id));
    await tx.delete(projectGrants).where(eq(projectGrants.id, id));
    await recordAudit(tx, ctx, {
      action: "project_grant.deleted",
      targetType: "project_grant",
      targetId: id,
      customer: { id: customer.id, name: customer.name },
      changes: {
        project: current.project.name,
        projectRole: { from: current.project_role.name, to: null },
        grantee: current.user?.email ?? current.user_group?.name,
      },
    });
  });
}

/** A project of the workspace within reach, or not found (rule A10). */
async function projectIn(tx: Queryable, ctx: RequestContext, customerId: number, reach: Reach, id: number) {
  const [project] = await tx
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .innerJoin(environments, eq(environments.id, projects.environmentId))
    .where(and(eq(projects.id, id), eq(projects.partnerId, ctx.partnerId), eq(projects.customerId, customerId), withinReach(reach)));
  if (!project) throw notFound("Project");
  return project;
}

export async function listProjectGrants(ctx: RequestContext, reference: string, projectId: number, page: PageInput): Promise<Page<ProjectGrant>> {
  await authorize(ctx, "collaborators.read");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    await projectIn(tx, ctx, customer.id, reach, projectId);
    return pageOfGrants(tx, grantsWhere(ctx.partnerId, customer.id, reach, eq(projectGrants.projectId, projectId)), page);
  });
}

export interface GrantInput {
  assignmentType: "User" | "UserGroup";
  assignmentId: number;
  projectRoleId: number;
}

/**
 * Adds or updates the grants of one project: a collaborator or group that already has a grant there gets the new
 * role, the others get a new grant. All or nothing: one bad entry changes nothing. Answers the grants given.
 */
export async function putProjectGrants(ctx: RequestContext, reference: string, projectId: number, grants: GrantInput[]): Promise<ProjectGrant[]> {
  await authorize(ctx, "collaborators.write");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const project = await projectIn(tx, ctx, customer.id, reach, projectId);
    const seen = new Set<string>();
    const ids: number[] = [];
    for (const [index, grant] of grants.entries()) {
      const field = `projectGrants.${index}`;
      const key = `${grant.assignmentType}:${grant.assignmentId}`;
      if (seen.has(key)) throw invalid("The same collaborator or group is given twice.", { [`${field}.assignmentId`]: ["Given twice."] });
      seen.add(key);
      const role = await projectRoleFor(tx, ctx, customer.id, grant.projectRoleId, `${field}.projectRoleId`);
      const grantee = await granteeOf(tx, ctx, customer.id, grant, `${field}.assignmentId`);
      const [existing] = await tx
        .select({ id: projectGrants.id, roleId: projectGrants.projectRoleId })
        .from(projectGrants)
        .where(and(eq(projectGrants.projectId, project.id), grantee.condition));
      if (existing && existing.roleId === role.id) {
        ids.push(existing.id);
        continue;
      }
      const [written] = existing
        ? await tx
            .update(projectGrants)
            .set({ projectRoleId: role.id, updatedAt: ctx.now })
            .where(eq(projectGrants.id, existing.id))
            .returning({ id: projectGrants.id })
        : await tx
            .insert(projectGrants)
            .values({
              partnerId: ctx.partnerId,
              customerId: customer.id,
              projectId: project.id,
              projectRoleId: role.id,
              ...grantee.columns,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            })
            .returning({ id: projectGrants.id });
      ids.push(written!.id);
      await recordAudit(tx, ctx, {
        action: existing ? "project_grant.updated" : "project_grant.created",
        targetType: "project_grant",
        targetId: written!.id,
        customer: { id: customer.id, name: customer.name },
        changes: { project: project.name, grantee: grantee.label, projectRole: { from: existing?.roleId ?? null, to: role.name } },
      });
    }
    const rows = await findGrants(tx, grantsWhere(ctx.partnerId, customer.id, reach, eq(projectGrants.projectId, project.id)));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => toProjectGrant(byId.get(id)!));
  });
}

/** Whom a grant entry names: a collaborator of the workspace or one of its groups; otherwise a field error. */
async function granteeOf(tx: Queryable, ctx: RequestContext, customerId: number, grant: GrantInput, field: string) {
  if (grant.assignmentType === "User") {
    const member = await workspaceMembership(tx, ctx.partnerId, customerId, grant.assignmentId);
    if (!member)
      throw invalid(`No collaborator with ID ${grant.assignmentId} in this workspace.`, { [field]: [`No collaborator with ID ${grant.assignmentId}.`] });
    return { condition: eq(projectGrants.userId, member.userId), columns: { userId: member.userId }, label: member.email };
  }
  const [group] = await tx
    .select({ id: userGroups.id, name: userGroups.name })
    .from(userGroups)
    .where(and(eq(userGroups.id, grant.assignmentId), eq(userGroups.partnerId, ctx.partnerId), eq(userGroups.customerId, customerId)));
  if (!group)
    throw invalid(`No collaborator group with ID ${grant.assignmentId} in this workspace.`, {
      [field]: [`No collaborator group with ID ${grant.assignmentId}.`],
    });
  return { condition: eq(projectGrants.userGroupId, group.id), columns: { userGroupId: group.id }, label: group.name };
}
