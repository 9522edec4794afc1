import "server-only";
import { z } from "zod";
import {
  createWorkspaceRole,
  deleteWorkspaceRole,
  getWorkspaceRole,
  listWorkspaceRoles,
  updateWorkspaceRole,
  type RoleFamily,
} from "@/lib/workspace-team/workspace-roles";
import { defineEndpoint } from "../endpoint";
import { dataOf as data, isoDateTime, managedUserParam, okResponse, pageOf, pageQuery, pathIdSchema } from "../schemas";
import { requireDevelopmentReach } from "./workspace-members";

const role = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(["system", "custom", "inheritable", "inherited"]).describe("inherited: one of your inheritable roles, read-only in the workspace."),
  permissions: z.array(z.string()),
  members_count: z.number().int(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
const workspace = z.object({ managed_user_id: managedUserParam });
const one = z.object({ managed_user_id: managedUserParam, id: pathIdSchema });
const name = z.string().trim().min(1).max(200);
const permissions = z.array(z.string().trim().min(1).max(100)).max(200);

/** The five endpoints of one role family; environment roles and project roles behave alike (seed 003). */
function roleEndpoints(family: RoleFamily) {
  const base = `/api/managed_users/{managed_user_id}/${family}_roles`;
  const label = family === "environment" ? "environment role" : "project role";
  const tag = family === "environment" ? "Environment roles" : "Project roles";
  const common = { tag, rateGroup: "collaborators" as const };
  return {
    list: defineEndpoint({
      ...common,
      method: "GET",
      path: base,
      summary: `List ${label}s`,
      description: "System roles, your inheritable roles (type inherited) and the workspace's custom roles; page[size] at most 100.",
      scope: "collaborators:read",
      params: workspace,
      query: z.object({
        name: z.string().max(200).optional().describe("Part of the role's name."),
        ...pageQuery,
      }),
      response: pageOf(role),
      async handler(ctx, { params, query }) {
        await requireDevelopmentReach(ctx);
        return listWorkspaceRoles(ctx, family, params.managed_user_id, { name: query.name, page: query["page[number]"], size: query["page[size]"] });
      },
    }),
    get: defineEndpoint({
      ...common,
      method: "GET",
      path: `${base}/{id}`,
      summary: `Get ${family === "environment" ? "an" : "a"} ${label}`,
      scope: "collaborators:read",
      params: one,
      response: data(role),
      async handler(ctx, { params }) {
        await requireDevelopmentReach(ctx);
        return { data: await getWorkspaceRole(ctx, family, params.managed_user_id, params.id) };
      },
    }),
    create: defineEndpoint({
      ...common,
      method: "POST",
      path: base,
      summary: `Create a custom ${label}`,
      scope: "collaborators:write",
      params: workspace,
      body: z.object({ name, permissions: permissions.default([]) }),
      response: data(role),
      status: 201,
      async handler(ctx, { params, body }) {
        await requireDevelopmentReach(ctx);
        return { data: await createWorkspaceRole(ctx, family, params.managed_user_id, body) };
      },
    }),
    update: defineEndpoint({
      ...common,
      method: "PUT",
      path: `${base}/{id}`,
      summary: `Update a custom ${label}`,
      description: "Only custom roles of the workspace; system and inherited roles answer 403.",
      scope: "collaborators:write",
      params: one,
      body: z.object({ name: name.optional(), permissions: permissions.optional() }),
      response: data(role),
      async handler(ctx, { params, body }) {
        await requireDevelopmentReach(ctx);
        return { data: await updateWorkspaceRole(ctx, family, params.managed_user_id, params.id, body) };
      },
    }),
    delete: defineEndpoint({
      ...common,
      method: "DELETE",
      path: `${base}/{id}`,
      summary: `Delete a custom ${label}`,
      description: "Only custom roles that nobody has (409 otherwise); system and inherited roles answer 403.",
      scope: "collaborators:write",
      params: one,
      response: okResponse,
      async handler(ctx, { params }) {
        await requireDevelopmentReach(ctx);
        await deleteWorkspaceRole(ctx, family, params.managed_user_id, params.id);
        return { result: "ok" };
      },
    }),
  };
}

export const environmentRoleEndpoints = roleEndpoints("environment");
export const projectRoleEndpoints = roleEndpoints("project");
