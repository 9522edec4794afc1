import "server-only";
import { z } from "zod";
import { migrateCustomRole, migrateSystemRoles } from "@/lib/roles-migration/migrate";
import { defineEndpoint } from "../endpoint";
import { dataOf, idSchema, managedUserParam } from "../schemas";

const common = { tag: "Role migration", rateGroup: "collaborators" as const, scope: "collaborators:write" as const };
const environmentType = z.enum(["development", "test", "production"]);
const migratedRole = z.object({
  id: z.number().int().nullable().describe("Null in a dry run for a role the migration would create."),
  name: z.string(),
  permissions: z.array(z.string()),
});
const person = { user_id: z.number().int(), email: z.string(), name: z.string() };
const report = dataOf(
  z.object({
    environment_roles: z.array(migratedRole),
    project_roles: z.array(migratedRole),
    collaborators: z.array(z.object({ ...person, roles: z.array(z.object({ environment: environmentType, name: z.string() })) })),
    projects: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        environment: environmentType,
        collaborators: z.array(z.object({ ...person, project_role: z.string() })),
      }),
    ),
  }),
);
const dryRun = z.boolean().default(false).describe("true: answer what the migration would do, and change nothing.");
const HOW =
  "Direct collaborators get the environment role in every environment, and the project grant in every project, this API client may reach (rule A10); an environment role or grant they already have is kept, so a second run changes nothing. Customer managers are changed as customer managers. Answers every assignment made.";

export const migrateSystemRolesEndpoint = defineEndpoint({
  ...common,
  method: "POST",
  path: "/api/managed_users/{managed_user_id}/roles_migration/system_roles",
  summary: "Migrate the workspace's system roles",
  description: `Turns the legacy system roles into environment and project roles: Admin → Environment admin and Project admin, Operator → Member and Project operator, Analyst → Member (no project role is as narrow as Analyst). ${HOW}`,
  params: z.object({ managed_user_id: managedUserParam }),
  body: z.object({ dry_run: dryRun }),
  response: report,
  async handler(ctx, { params, body }) {
    return { data: await migrateSystemRoles(ctx, params.managed_user_id, { dryRun: body.dry_run }) };
  },
});

const CUSTOM =
  "Turns one legacy custom role of the workspace (role_id) into a custom environment role and a custom project role of the same name, with its permissions translated; the workspace's own roles of that name are reused, a system or inherited one of that name is a conflict (409).";

export const migrateCustomRoleEndpoint = defineEndpoint({
  ...common,
  method: "POST",
  path: "/api/managed_users/{managed_user_id}/roles_migration/custom_role",
  summary: "Migrate a custom role",
  description: `${CUSTOM} ${HOW} Also served at /api/roles_migration/custom_role with managed_user_id in the body.`,
  params: z.object({ managed_user_id: managedUserParam }),
  body: z.object({ role_id: idSchema.describe("The legacy custom role's ID."), dry_run: dryRun }),
  response: report,
  async handler(ctx, { params, body }) {
    return { data: await migrateCustomRole(ctx, params.managed_user_id, { roleId: body.role_id, dryRun: body.dry_run }) };
  },
});

/** The path as the documentation prints it, without the workspace in it: the workspace comes in the body (decision D5). */
export const migrateCustomRoleAsPrintedEndpoint = defineEndpoint({
  ...common,
  method: "POST",
  path: "/api/roles_migration/custom_role",
  summary: "Migrate a custom role (workspace in the body)",
  description: `${CUSTOM} ${HOW} The same as /api/managed_users/{managed_user_id}/roles_migration/custom_role.`,
  body: z.object({
    managed_user_id: z
      .union([z.string().min(1).max(300), z.number().int().positive()])
      .transform(String)
      .describe("The customer's numeric ID, or E followed by its external ID."),
    role_id: idSchema.describe("The legacy custom role's ID."),
    dry_run: dryRun,
  }),
  response: report,
  async handler(ctx, { body }) {
    return { data: await migrateCustomRole(ctx, body.managed_user_id, { roleId: body.role_id, dryRun: body.dry_run }) };
  },
});

export const rolesMigrationEndpoints = [migrateSystemRolesEndpoint, migrateCustomRoleEndpoint, migrateCustomRoleAsPrintedEndpoint];
