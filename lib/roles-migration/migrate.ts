import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { customerMembers, environmentRoles, environments, memberEnvironmentRoles, projectGrants, projectRoles, projects, roles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser, type ManagedUserRow } from "@/lib/customers/reads/managed-user";
import type { Queryable } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { reachOf, withinReach, type Reach } from "@/lib/project-grants/reach";
import { visibleIn, type RoleFamily } from "@/lib/workspace-team/workspace-roles";
import { authorize } from "@/lib/authorization/authorize";

type EnvironmentType = (typeof environments.$inferSelect)["type"];

/** A role of the new model that the migration uses; `id` is null in a dry run for a role it would create. */
export interface MigratedRole {
  id: number | null;
  name: string;
  permissions: string[];
}

/** What a migration did, or would do in a dry run: the roles it uses and every assignment it makes. */
export interface MigrationReport {
  environment_roles: MigratedRole[];
  project_roles: MigratedRole[];
  collaborators: { user_id: number; email: string; name: string; roles: { environment: EnvironmentType; name: string }[] }[];
  projects: {
    id: number;
    name: string;
    environment: EnvironmentType;
    collaborators: { user_id: number; email: string; name: string; project_role: string }[];
  }[];
}

/** Which new roles stand for one legacy role. A null project role gives no project grants. */
interface Translation {
  legacyRoleId: number;
  environmentRole: MigratedRole;
  projectRole: MigratedRole | null;
}

/**
 * The system roles of the new model that stand for each legacy system role. Analyst may only look, and no
 * project role is that narrow (Project operator also runs recipes), so an Analyst gets environment membership and
 * no project grant rather than more than it had.
 */
const SYSTEM_TRANSLATIONS: Record<string, { environment: string; project: string | null }> = {
  Admin: { environment: "Environment admin", project: "Project admin" },
  Operator: { environment: "Member", project: "Project operator" },
  Analyst: { environment: "Member", project: null },
};

/** Legacy permissions (lib/workspace/permissions.ts) as permissions of the new environment and project roles. */
const ENVIRONMENT_PERMISSIONS: Record<string, string[]> = { "collaborators.manage": ["collaborators.manage"] };
const PROJECT_PERMISSIONS: Record<string, string[]> = {
  "workspace.view": ["project.view"],
  "recipes.edit": ["recipes.edit"],
  "recipes.run": ["recipes.run"],
  "connections.manage": ["connections.manage"],
  "collaborators.manage": ["project.admin"],
};
const translated = (permissions: string[], table: Record<string, string[]>) => [...new Set(permissions.flatMap((permission) => table[permission] ?? []))];

async function systemRole(tx: Queryable, family: RoleFamily, name: string): Promise<MigratedRole> {
  const table = family === "environment" ? environmentRoles : projectRoles;
  const [row] = await tx
    .select({ id: table.id, name: table.name, permissions: table.permissions })
    .from(table)
    .where(and(eq(table.kind, "system"), isNull(table.partnerId), eq(table.name, name)));
  if (!row) throw new Error(`The system ${family} role "${name}" is missing: run the migrations.`);
  return row;
}

interface Migrant {
  userId: number;
  email: string;
  name: string;
  legacyRoleId: number;
}

/** Direct members of the workspace with one of the given legacy roles. Customer managers are changed as managers (rule C6). */
async function migrants(tx: Queryable, customerId: number, condition: ReturnType<typeof eq>): Promise<Migrant[]> {
  return tx
    .select({ userId: users.id, email: users.email, name: users.name, legacyRoleId: roles.id })
    .from(customerMembers)
    .innerJoin(users, eq(users.id, customerMembers.userId))
    .innerJoin(roles, eq(roles.id, customerMembers.roleId))
    .where(and(eq(customerMembers.customerId, customerId), condition))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * Gives each migrant, in every environment and project the actor may reach (rule A10), the environment role and
 * the project grant its legacy role translates to. An existing environment role or grant is kept: the migration
 * only fills what is missing, so running it twice changes nothing.
 */
async function assign(
  tx: Queryable,
  ctx: RequestContext,
  customer: ManagedUserRow,
  reach: Reach,
  people: Migrant[],
  translations: Translation[],
  dryRun: boolean,
) {
  const report: Pick<MigrationReport, "collaborators" | "projects"> = { collaborators: [], projects: [] };
  const reachable = await tx
    .select({ id: environments.id, type: environments.type })
    .from(environments)
    .where(and(eq(environments.customerId, customer.id), eq(environments.partnerId, ctx.partnerId), withinReach({ ...reach, projectNames: null })))
    .orderBy(asc(environments.type));
  const projectRows = await tx
    .select({ id: projects.id, name: projects.name, environment: environments.type })
    .from(projects)
    .innerJoin(environments, eq(environments.id, projects.environmentId))
    .where(and(eq(projects.customerId, customer.id), eq(projects.partnerId, ctx.partnerId), withinReach(reach)))
    .orderBy(asc(projects.name), asc(projects.id));
  const projectEntries = projectRows.map((project) => ({ ...project, collaborators: [] as MigrationReport["projects"][number]["collaborators"] }));
  for (const person of people) {
    const translation = translations.find((candidate) => candidate.legacyRoleId === person.legacyRoleId)!;
    const given: { environment: EnvironmentType; name: string }[] = [];
    for (const environment of reachable) {
      const [existing] = await tx
        .select({ roleId: memberEnvironmentRoles.environmentRoleId })
        .from(memberEnvironmentRoles)
        .where(and(eq(memberEnvironmentRoles.environmentId, environment.id), eq(memberEnvironmentRoles.userId, person.userId)));
      if (existing) continue;
      given.push({ environment: environment.type, name: translation.environmentRole.name });
      if (!dryRun) {
        await tx.insert(memberEnvironmentRoles).values({
          partnerId: ctx.partnerId,
          customerId: customer.id,
          userId: person.userId,
          environmentId: environment.id,
          environmentRoleId: translation.environmentRole.id!,
        });
      }
    }
    if (given.length > 0) report.collaborators.push({ user_id: person.userId, email: person.email, name: person.name, roles: given });
    if (!translation.projectRole) continue;
    for (const project of projectEntries) {
      const [existing] = await tx
        .select({ id: projectGrants.id })
        .from(projectGrants)
        .where(and(eq(projectGrants.projectId, project.id), eq(projectGrants.userId, person.userId)));
      if (existing) continue;
      project.collaborators.push({ user_id: person.userId, email: person.email, name: person.name, project_role: translation.projectRole.name });
      if (!dryRun) {
        await tx.insert(projectGrants).values({
          partnerId: ctx.partnerId,
          customerId: customer.id,
          projectId: project.id,
          projectRoleId: translation.projectRole.id!,
          userId: person.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      }
    }
  }
  report.projects = projectEntries.filter((project) => project.collaborators.length > 0);
  return report;
}

function unique(list: (MigratedRole | null)[]): MigratedRole[] {
  const seen = new Map<string, MigratedRole>();
  for (const role of list) if (role && !seen.has(role.name)) seen.set(role.name, role);
  return [...seen.values()];
}

async function audited(
  tx: Queryable,
  ctx: RequestContext,
  customer: ManagedUserRow,
  action: string,
  report: MigrationReport,
  details: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx, {
    action,
    targetType: "customer",
    targetId: customer.id,
    customer: { id: customer.id, name: customer.name },
    changes: {
      ...details,
      environmentRolesGiven: report.collaborators.reduce((sum, person) => sum + person.roles.length, 0),
      projectGrantsGiven: report.projects.reduce((sum, project) => sum + project.collaborators.length, 0),
    },
  });
}

/** Turns the legacy system roles of the workspace's direct members into environment roles and project grants. */
export async function migrateSystemRoles(ctx: RequestContext, reference: string, options: { dryRun: boolean }): Promise<MigrationReport> {
  await authorize(ctx, "collaborators.write");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const translations: Translation[] = [];
    for (const [legacyName, target] of Object.entries(SYSTEM_TRANSLATIONS)) {
      const [legacy] = await tx
        .select({ id: roles.id })
        .from(roles)
        .where(and(eq(roles.kind, "system"), eq(roles.name, legacyName)));
      if (!legacy) continue;
      translations.push({
        legacyRoleId: legacy.id,
        environmentRole: await systemRole(tx, "environment", target.environment),
        projectRole: target.project ? await systemRole(tx, "project", target.project) : null,
      });
    }
    const people = await migrants(tx, customer.id, eq(roles.kind, "system"));
    const report: MigrationReport = {
      environment_roles: unique(translations.map((translation) => translation.environmentRole)),
      project_roles: unique(translations.map((translation) => translation.projectRole)),
      ...(await assign(tx, ctx, customer, reach, people, translations, options.dryRun)),
    };
    if (!options.dryRun) await audited(tx, ctx, customer, "roles_migration.system_roles", report);
    return report;
  });
}

/**
 * The custom role of the new model named like the legacy role: the workspace's own one when it exists (so that the
 * migration can run again), a new one otherwise. A system or inherited role of that name is a conflict.
 */
async function customRoleFor(
  tx: Queryable,
  ctx: RequestContext,
  family: RoleFamily,
  customer: ManagedUserRow,
  name: string,
  permissions: string[],
  dryRun: boolean,
): Promise<MigratedRole> {
  const customerId = customer.id;
  const table = family === "environment" ? environmentRoles : (projectRoles as unknown as typeof environmentRoles);
  const [existing] = await tx
    .select({ id: table.id, name: table.name, permissions: table.permissions, kind: table.kind })
    .from(table)
    .where(and(visibleIn(family, ctx.partnerId, customerId), sql`lower(${table.name}) = lower(${name})`));
  if (existing && existing.kind !== "custom")
    throw conflict(`A ${family} role named "${existing.name}" already exists and is not a custom role of the workspace.`, {
      roleId: [`The ${family} role name is taken.`],
    });
  if (existing) return { id: existing.id, name: existing.name, permissions: existing.permissions };
  if (dryRun) return { id: null, name, permissions };
  const [created] = await tx
    .insert(table)
    .values({ partnerId: ctx.partnerId, customerId, name, kind: "custom", permissions, createdAt: ctx.now, updatedAt: ctx.now })
    .returning({ id: table.id, name: table.name, permissions: table.permissions });
  await recordAudit(tx, ctx, {
    action: `${family}_role.created`,
    targetType: `${family}_role`,
    targetId: created!.id,
    customer: { id: customer.id, name: customer.name },
    changes: { name: { from: null, to: name }, permissions: { from: null, to: permissions }, migratedFrom: "legacy custom role" },
  });
  return created!;
}

/**
 * Turns one legacy custom role of the workspace into a custom environment role and a custom project role of the
 * same name (its permissions translated), and gives them to the direct members who have the legacy role.
 */
export async function migrateCustomRole(ctx: RequestContext, reference: string, options: { roleId: number; dryRun: boolean }): Promise<MigrationReport> {
  await authorize(ctx, "collaborators.write");
  const reach = await reachOf(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const [legacy] = await tx
      .select({ id: roles.id, name: roles.name, permissions: roles.permissions })
      .from(roles)
      .where(and(eq(roles.id, options.roleId), eq(roles.kind, "custom"), eq(roles.partnerId, ctx.partnerId), eq(roles.customerId, customer.id)));
    if (!legacy) throw invalid(`No custom role with ID ${options.roleId} in this workspace.`, { roleId: [`No custom role with ID ${options.roleId}.`] });
    const projectPermissions = translated(legacy.permissions, PROJECT_PERMISSIONS);
    const translation: Translation = {
      legacyRoleId: legacy.id,
      environmentRole: await customRoleFor(
        tx,
        ctx,
        "environment",
        customer,
        legacy.name,
        translated(legacy.permissions, ENVIRONMENT_PERMISSIONS),
        options.dryRun,
      ),
      projectRole: projectPermissions.length > 0 ? await customRoleFor(tx, ctx, "project", customer, legacy.name, projectPermissions, options.dryRun) : null,
    };
    const people = await migrants(tx, customer.id, eq(roles.id, legacy.id));
    const report: MigrationReport = {
      environment_roles: [translation.environmentRole],
      project_roles: unique([translation.projectRole]),
      ...(await assign(tx, ctx, customer, reach, people, [translation], options.dryRun)),
    };
    if (!options.dryRun) await audited(tx, ctx, customer, "roles_migration.custom_role", report, { legacyRole: legacy.name });
    return report;
  });
}
