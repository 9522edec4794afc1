import "server-only";
import { z } from "zod";
import { apiClientReach } from "@/lib/api-clients/authenticate";
import type { RequestContext } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { inviteCollaborator } from "@/lib/workspace-team/invitations";
import { addCollaborator, getCollaborator, listCollaborators, removeCollaborator, updateCollaborator } from "@/lib/workspace-team/members";
import { defineEndpoint } from "../endpoint";
import { itemsOf, managedUserParam, okResponse, pathIdSchema, resultOf } from "../schemas";

const tag = "Customer workspace collaborators";

/** API clients need the DEV environment to manage collaborators (seed 003, "API client access"). */
export async function requireDevelopmentReach(ctx: RequestContext): Promise<void> {
  if (ctx.actor.kind !== "api_client") return;
  const reach = await apiClientReach(ctx.actor.apiClientId);
  if (!reach.environmentTypes.includes("development")) throw forbidden("This API client needs access to the Development environment to manage collaborators.");
}

const collaborator = z.object({
  id: z.number().int().describe("The person's user ID."),
  name: z.string(),
  email: z.string(),
  role_name: z.string(),
  time_zone: z.string(),
  external_id: z.string().nullable(),
  grant_type: z.enum(["direct", "customer_manager"]).describe("direct: invited to the workspace; customer_manager: one of your customer managers."),
});

const workspace = z.object({ managed_user_id: managedUserParam });
const member = z.object({ managed_user_id: managedUserParam, id: pathIdSchema.describe("The collaborator's user ID.") });
const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, "Not a time zone (use an IANA name such as Europe/Paris).");
const envRole = z.object({
  environment_type: z.enum(["development", "test", "production"]),
  name: z.string().trim().min(1).max(200),
  role_type: z.enum(["privilege_group", "environment"]),
});

const roleName = z.string().trim().min(1).max(200).describe("The Development environment's role (a privilege group); ignored when env_roles is given.");
const envRoles = z
  .array(envRole)
  .min(1)
  .max(6)
  .describe(
    "Roles per environment; must include the development environment's privilege_group role (the workspace role). Environment roles are given on joining.",
  );
const ROLE_NAME_OR_ENV_ROLES = "Give role_name or env_roles.";
const roleNameOrEnvRoles = (body: { role_name?: string; env_roles?: unknown[] }) => body.role_name !== undefined || body.env_roles !== undefined;
/** Said along with the other fields' errors, not only once they are all right. */
const alwaysCheck = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const listWorkspaceCollaborators = defineEndpoint({
  method: "GET",
  path: "/api/managed_users/{managed_user_id}/members",
  tag,
  summary: "List collaborators",
  description: "Direct members and your customer managers of the workspace, each with its effective role (rule C12).",
  scope: "collaborators:read",
  rateGroup: "collaborators",
  params: workspace,
  response: itemsOf(collaborator),
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    return { result: { items: await listCollaborators(ctx, params.managed_user_id) } };
  },
});

export const getWorkspaceCollaborator = defineEndpoint({
  method: "GET",
  path: "/api/managed_users/{managed_user_id}/members/{id}",
  tag,
  summary: "Get a collaborator",
  scope: "collaborators:read",
  rateGroup: "collaborators",
  params: member,
  response: resultOf(collaborator),
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    return { result: await getCollaborator(ctx, params.managed_user_id, params.id) };
  },
});

export const addWorkspaceCollaborator = defineEndpoint({
  method: "POST",
  path: "/api/managed_users/{managed_user_id}/members",
  tag,
  summary: "Add a collaborator",
  description:
    "Adds a person (by email; created if new) to the workspace with a role: a system role, one of your inheritable roles, or a custom role of the workspace. Either role_name (the Development environment's role) or env_roles, as for an invitation; env_roles wins, and must hold the Development environment's privilege_group role.",
  scope: "collaborators:write",
  rateGroup: "collaborators",
  params: workspace,
  body: z
    .object({
      name: z.string().trim().min(1).max(200),
      email: z.email().max(320),
      role_name: roleName.optional(),
      env_roles: envRoles.optional(),
      external_id: z.string().trim().min(1).max(200).nullable().optional(),
      time_zone: timeZone.optional(),
    })
    .refine(roleNameOrEnvRoles, { message: ROLE_NAME_OR_ENV_ROLES, path: ["role_name"], ...alwaysCheck }),
  response: resultOf(collaborator),
  status: 201,
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    const result = await addCollaborator(ctx, params.managed_user_id, {
      name: body.name,
      email: body.email,
      roleName: body.role_name,
      envRoles: body.env_roles,
      externalId: body.external_id ?? null,
      timeZone: body.time_zone ?? "UTC",
    });
    return { result };
  },
});

export const updateWorkspaceCollaborator = defineEndpoint({
  method: "PUT",
  path: "/api/managed_users/{managed_user_id}/members/{id}",
  tag,
  summary: "Update a collaborator",
  description: "Only the fields given change. Customer managers are changed as customer managers, not here (404).",
  scope: "collaborators:write",
  rateGroup: "collaborators",
  params: member,
  body: z.object({
    role_name: z.string().trim().min(1).max(200).optional(),
    time_zone: timeZone.optional(),
    external_id: z.string().trim().min(1).max(200).nullable().optional(),
  }),
  response: resultOf(collaborator),
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    const result = await updateCollaborator(ctx, params.managed_user_id, params.id, {
      roleName: body.role_name,
      timeZone: body.time_zone,
      externalId: body.external_id,
    });
    return { result };
  },
});

export const removeWorkspaceCollaborator = defineEndpoint({
  method: "DELETE",
  path: "/api/managed_users/{managed_user_id}/members/{id}",
  tag,
  summary: "Remove a collaborator",
  description: "Removes a direct member with its environment roles, project grants and group memberships in the workspace.",
  scope: "collaborators:write",
  rateGroup: "collaborators",
  params: member,
  response: okResponse,
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    await removeCollaborator(ctx, params.managed_user_id, params.id);
    return { result: "ok" };
  },
});

export const inviteWorkspaceCollaborator = defineEndpoint({
  method: "POST",
  path: "/api/managed_users/{managed_user_id}/member_invitation",
  tag,
  summary: "Invite a collaborator",
  description:
    "A person with an account joins at once (already a direct collaborator: 409); an unknown email gets a pending invitation and joins after signing up. Either role_name (the Development environment's role) or env_roles; env_roles wins, and must hold the Development environment's privilege_group role (else 400: no one could join). The same email can be invited to the same workspace once every 20 minutes.",
  scope: "collaborators:write",
  rateGroup: "collaborators",
  params: workspace,
  body: z
    .object({
      name: z.string().trim().min(1).max(200),
      email: z.email().max(320),
      role_name: roleName.optional(),
      env_roles: envRoles.optional(),
    })
    .refine(roleNameOrEnvRoles, { message: ROLE_NAME_OR_ENV_ROLES, path: ["role_name"], ...alwaysCheck }),
  response: okResponse.extend({
    invitation_url: z
      .url()
      .optional()
      .describe("For a pending invitation with a role: the one-time sign-up link (valid 14 days) to pass on to the person. Returned only here."),
  }),
  async handler(ctx, { params, body, url }) {
    await requireDevelopmentReach(ctx);
    const { invitationPath } = await inviteCollaborator(ctx, params.managed_user_id, {
      name: body.name,
      email: body.email,
      roleName: body.role_name,
      envRoles: body.env_roles,
    });
    return invitationPath ? { result: "ok", invitation_url: new URL(invitationPath, url.origin).href } : { result: "ok" };
  },
});
