import "server-only";
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { environmentRoles, memberEnvironmentRoles, projectGrants, projectRoles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

/** Environment roles and project roles (seed 003): the same shape, in two tables. */
export type RoleFamily = "environment" | "project";

/**
 * The two tables have identical columns, so one set of queries serves both; the cast only tells TypeScript so,
 * Drizzle reads the table's name from the object itself.
 */
function tableOf(family: RoleFamily) {
  return family === "environment" ? environmentRoles : (projectRoles as unknown as typeof environmentRoles);
}

/** `system`: the product's; `inherited`: the partner's inheritable roles, read-only here; `custom`: made in the workspace. */
export type WorkspaceRoleType = "system" | "custom" | "inheritable" | "inherited";

export interface WorkspaceRole {
  id: number;
  name: string;
  type: WorkspaceRoleType;
  permissions: string[];
  members_count: number;
  created_at: string;
  updated_at: string;
}

/** How many collaborators hold each of the roles in the workspace, in one grouped query. */
async function membersCounts(tx: Queryable, family: RoleFamily, customerId: number, roleIds: number[]): Promise<Map<number, number>> {
  if (roleIds.length === 0) return new Map();
  const rows =
    family === "environment"
      ? await tx
          .select({ roleId: memberEnvironmentRoles.environmentRoleId, n: count() })
          .from(memberEnvironmentRoles)
          .where(and(eq(memberEnvironmentRoles.customerId, customerId), inArray(memberEnvironmentRoles.environmentRoleId, roleIds)))
          .groupBy(memberEnvironmentRoles.environmentRoleId)
      : await tx
          .select({ roleId: projectGrants.projectRoleId, n: count() })
          .from(projectGrants)
          .where(and(eq(projectGrants.customerId, customerId), inArray(projectGrants.projectRoleId, roleIds)))
          .groupBy(projectGrants.projectRoleId);
  return new Map(rows.map((row) => [row.roleId, row.n]));
}

/** The roles of a family that a workspace sees: system, the partner's inheritable ones, and its own custom ones. */
export function visibleIn(family: RoleFamily, partnerId: number, customerId: number) {
  const table = tableOf(family);
  return or(
    and(eq(table.kind, "system"), isNull(table.partnerId)),
    and(eq(table.kind, "inheritable"), eq(table.partnerId, partnerId), isNull(table.customerId)),
    and(eq(table.kind, "custom"), eq(table.partnerId, partnerId), eq(table.customerId, customerId)),
  )!;
}

type RoleRow = typeof environmentRoles.$inferSelect;

async function toWorkspaceRoles(tx: Queryable, family: RoleFamily, customerId: number, rows: RoleRow[]): Promise<WorkspaceRole[]> {
  const counts = await membersCounts(
    tx,
    family,
    customerId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.kind === "inheritable" ? "inherited" : row.kind,
    permissions: row.permissions,
    members_count: counts.get(row.id) ?? 0,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

async function toWorkspaceRole(tx: Queryable, family: RoleFamily, customerId: number, row: RoleRow): Promise<WorkspaceRole> {
  return (await toWorkspaceRoles(tx, family, customerId, [row]))[0]!;
}

export async function listWorkspaceRoles(
  ctx: RequestContext,
  family: RoleFamily,
  reference: string,
  options: { name?: string; page: number; size: number },
): Promise<{ data: WorkspaceRole[]; total: number; page: { number: number; size: number } }> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const table = tableOf(family);
    const pattern = containsPattern(options.name);
    const where = and(visibleIn(family, ctx.partnerId, customer.id), pattern ? ilike(table.name, pattern) : undefined);
    const [total] = await tx.select({ n: count() }).from(table).where(where);
    const rows = await tx
      .select()
      .from(table)
      .where(where)
      .orderBy(sql`case ${table.kind} when 'system' then 0 when 'inheritable' then 1 else 2 end`, asc(table.name), asc(table.id))
      .limit(options.size)
      .offset((options.page - 1) * options.size);
    const data = await toWorkspaceRoles(tx, family, customer.id, rows);
    return { data, total: total?.n ?? 0, page: { number: options.page, size: options.size } };
  });
}

async function roleIn(tx: Queryable, ctx: RequestContext, family: RoleFamily, customerId: number, id: number): Promise<RoleRow> {
  const table = tableOf(family);
  const [row] = await tx
    .select()
    .from(table)
    .where(and(eq(table.id, id), visibleIn(family, ctx.partnerId, customerId)));
  if (!row) throw notFound(family === "environment" ? "Environment role" : "Project role");
  return row;
}

export async function getWorkspaceRole(ctx: RequestContext, family: RoleFamily, reference: string, id: number): Promise<WorkspaceRole> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    return toWorkspaceRole(tx, family, customer.id, await roleIn(tx, ctx, family, customer.id, id));
  });
}

async function refuseTakenName(tx: Queryable, family: RoleFamily, ctx: RequestContext, customerId: number, name: string, exceptId: number | null) {
  const table = tableOf(family);
  const [taken] = await tx
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        visibleIn(family, ctx.partnerId, customerId),
        sql`lower(${table.name}) = lower(${name})`,
        exceptId === null ? undefined : sql`${table.id} <> ${exceptId}`,
      ),
    );
  if (taken) throw conflict("A role with this name already exists in the workspace.", { name: ["Already taken."] });
}

export async function createWorkspaceRole(
  ctx: RequestContext,
  family: RoleFamily,
  reference: string,
  input: { name: string; permissions: string[] },
): Promise<WorkspaceRole> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    await refuseTakenName(tx, family, ctx, customer.id, input.name, null);
    const table = tableOf(family);
    const [row] = await tx
      .insert(table)
      .values({
        partnerId: ctx.partnerId,
        customerId: customer.id,
        name: input.name,
        kind: "custom",
        permissions: input.permissions,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: `${family}_role.created`,
      targetType: `${family}_role`,
      targetId: row!.id,
      customer: { id: customer.id, name: customer.name },
      changes: { name: { from: null, to: input.name }, permissions: { from: null, to: input.permissions } },
    });
    return toWorkspaceRole(tx, family, customer.id, row!);
  });
}

async function editableRole(tx: Queryable, ctx: RequestContext, family: RoleFamily, customerId: number, id: number): Promise<RoleRow> {
  const row = await roleIn(tx, ctx, family, customerId, id);
  if (row.kind !== "custom") throw forbidden("System and inherited roles cannot be changed in the workspace.");
  return row;
}

export async function updateWorkspaceRole(
  ctx: RequestContext,
  family: RoleFamily,
  reference: string,
  id: number,
  input: { name?: string; permissions?: string[] },
): Promise<WorkspaceRole> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const current = await editableRole(tx, ctx, family, customer.id, id);
    if (input.name !== undefined) await refuseTakenName(tx, family, ctx, customer.id, input.name, id);
    const table = tableOf(family);
    const [row] = await tx
      .update(table)
      .set({ name: input.name ?? current.name, permissions: input.permissions ?? current.permissions, updatedAt: ctx.now })
      .where(eq(table.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: `${family}_role.updated`,
      targetType: `${family}_role`,
      targetId: id,
      customer: { id: customer.id, name: customer.name },
      changes: { name: { from: current.name, to: row!.name }, permissions: { from: current.permissions, to: row!.permissions } },
    });
    return toWorkspaceRole(tx, family, customer.id, row!);
  });
}

/** Deletes a custom role; a role still given to someone is a conflict, so that nobody silently loses access. */
export async function deleteWorkspaceRole(ctx: RequestContext, family: RoleFamily, reference: string, id: number): Promise<void> {
  await authorize(ctx, "collaborators.write");
  await inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const current = await editableRole(tx, ctx, family, customer.id, id);
    const counts = await membersCounts(tx, family, customer.id, [id]);
    if ((counts.get(id) ?? 0) > 0) throw conflict("The role is still given to collaborators: give them another role first.");
    await tx.delete(tableOf(family)).where(eq(tableOf(family).id, id));
    await recordAudit(tx, ctx, {
      action: `${family}_role.deleted`,
      targetType: `${family}_role`,
      targetId: id,
      customer: { id: customer.id, name: customer.name },
      changes: { name: { from: current.name, to: null } },
    });
  });
}
