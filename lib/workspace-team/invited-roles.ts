import "server-only";
import { and, eq } from "drizzle-orm";
import { environmentRoles, environments, memberEnvironmentRoles } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { workspaceRoleByName } from "./roles";
import { visibleIn } from "./workspace-roles";

/** One entry of `env_roles` (rules.md, "Shapes known": member invitation and add member). */
export interface EnvRole {
  environment_type: "development" | "test" | "production";
  name: string;
  role_type: "privilege_group" | "environment";
}

/** The roles a new collaborator is given: the workspace (legacy) role and an environment role per environment. */
export interface InvitedRoles {
  role: { id: number; name: string };
  environmentRoles: { environmentId: number; environmentRoleId: number; environmentType: EnvRole["environment_type"]; name: string }[];
}

export const NO_DEVELOPMENT_ROLE =
  "env_roles needs a privilege_group role for the development environment: it is the collaborator's workspace role, without which no one can join.";

/**
 * Resolves `role_name` or `env_roles` (which wins, role_name being then ignored, as documented) into the roles a
 * collaborator gets, or refuses with a field error: every name must exist in the workspace, an environment role needs
 * that environment, and a membership needs the development environment's privilege group. Shared by the invitation
 * and Add member, so that both accept the same shapes and neither answers "ok" for a person who cannot join.
 */
export async function resolveInvitedRoles(
  tx: Queryable,
  workspace: { partnerId: number; customerId: number },
  input: { roleName?: string; envRoles?: EnvRole[] },
): Promise<InvitedRoles> {
  const envRoles = input.envRoles ?? [];
  if (envRoles.length === 0) {
    if (input.roleName === undefined) throw invalid("Give role_name or env_roles.", { roleName: ["Give role_name or env_roles."] });
    return { role: await workspaceRoleByName(tx, workspace.partnerId, workspace.customerId, input.roleName), environmentRoles: [] };
  }
  if (!envRoles.some((envRole) => envRole.environment_type === "development" && envRole.role_type === "privilege_group")) {
    throw invalid(NO_DEVELOPMENT_ROLE, { envRoles: [NO_DEVELOPMENT_ROLE] });
  }
  const seen = new Set<string>();
  for (const [index, envRole] of envRoles.entries()) {
    const key = `${envRole.environment_type}/${envRole.role_type}`;
    if (seen.has(key)) {
      const message = `Give one ${envRole.role_type} role per environment (${envRole.environment_type} is given twice).`;
      throw invalid(message, { [`envRoles.${index}.environmentType`]: [message] });
    }
    seen.add(key);
  }
  let role: InvitedRoles["role"] | undefined;
  const environmentRolesGiven: InvitedRoles["environmentRoles"] = [];
  for (const [index, envRole] of envRoles.entries()) {
    if (envRole.role_type === "privilege_group") {
      const found = await workspaceRoleByName(tx, workspace.partnerId, workspace.customerId, envRole.name, `envRoles.${index}.name`);
      if (envRole.environment_type === "development") role = found;
      continue;
    }
    environmentRolesGiven.push(await environmentRoleIn(tx, workspace, envRole, index));
  }
  return { role: role!, environmentRoles: environmentRolesGiven };
}

/** An `environment` entry of env_roles: the role and the workspace's environment of that type, or a field error. */
export async function environmentRoleIn(
  tx: Queryable,
  workspace: { partnerId: number; customerId: number },
  envRole: EnvRole,
  index: number,
): Promise<InvitedRoles["environmentRoles"][number]> {
  const [found] = await tx
    .select({ id: environmentRoles.id })
    .from(environmentRoles)
    .where(and(eq(environmentRoles.name, envRole.name), visibleIn("environment", workspace.partnerId, workspace.customerId)))
    .limit(1);
  if (!found) throw invalid(`No environment role named "${envRole.name}".`, { [`envRoles.${index}.name`]: [`No environment role named "${envRole.name}".`] });
  const [environment] = await tx
    .select({ id: environments.id })
    .from(environments)
    .where(
      and(eq(environments.customerId, workspace.customerId), eq(environments.partnerId, workspace.partnerId), eq(environments.type, envRole.environment_type)),
    );
  if (!environment) {
    const message = `This workspace has no ${envRole.environment_type} environment to give "${envRole.name}" in.`;
    throw invalid(message, { [`envRoles.${index}.environmentType`]: [message] });
  }
  return { environmentId: environment.id, environmentRoleId: found.id, environmentType: envRole.environment_type, name: envRole.name };
}

/** Gives a new member the environment roles of its invitation (replacing any it had there). */
export async function giveEnvironmentRoles(
  tx: Queryable,
  member: { partnerId: number; customerId: number; userId: number },
  given: InvitedRoles["environmentRoles"],
): Promise<void> {
  for (const { environmentId, environmentRoleId } of given) {
    await tx
      .insert(memberEnvironmentRoles)
      .values({ ...member, environmentId, environmentRoleId })
      .onConflictDoUpdate({ target: [memberEnvironmentRoles.environmentId, memberEnvironmentRoles.userId], set: { environmentRoleId } });
  }
}
