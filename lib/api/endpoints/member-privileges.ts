import "server-only";
import { z } from "zod";
import { listMemberProjectGrants, memberProjectsPrivileges } from "@/lib/project-grants/grantee-grants";
import { memberPrivileges } from "@/lib/workspace-team/privileges";
import { defineEndpoint } from "../endpoint";
import { dataOf, managedUserParam, pageOf, pageQuery, pathIdSchema } from "../schemas";
import { projectGrant } from "./project-grants";
import { requireDevelopmentReach } from "./workspace-members";

const base = "/api/managed_users/{managed_user_id}/members/{id}";
const common = { tag: "Customer workspace collaborators", rateGroup: "collaborators" as const, scope: "collaborators:read" as const };
const member = z.object({ managed_user_id: managedUserParam, id: pathIdSchema.describe("The collaborator's user ID.") });

export const listMemberProjectGrantsEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/project_grants`,
  summary: "List a collaborator's project grants",
  description:
    "The grants given to the collaborator itself (its groups' grants are under user_groups), in environments and projects this API client may reach (rule A10).",
  params: member,
  query: z.object(pageQuery),
  response: pageOf(projectGrant),
  async handler(ctx, { params, query }) {
    await requireDevelopmentReach(ctx);
    return listMemberProjectGrants(ctx, params.managed_user_id, params.id, { page: query["page[number]"], size: query["page[size]"] });
  },
});

export const getMemberPrivilegesEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/privileges`,
  summary: "Get a collaborator's privileges",
  description:
    "One entry per environment of the workspace: the collaborator's environment role there (role_type environment) or, without one, its workspace role (role_type privilege_group), with that role's privileges.",
  params: member,
  response: dataOf(
    z.array(
      z.object({
        environment_type: z.enum(["development", "test", "production"]),
        role: z.object({ id: z.number().int(), name: z.string(), role_type: z.enum(["environment", "privilege_group"]) }),
        privileges: z.array(z.string()),
      }),
    ),
  ),
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    return { data: await memberPrivileges(ctx, params.managed_user_id, params.id) };
  },
});

export const getMemberProjectsPrivilegesEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/projects_privileges`,
  summary: "Get a collaborator's project privileges",
  description:
    "One entry per project grant that reaches the collaborator, given to it directly (user_group null) or through one of its collaborator groups, in environments and projects this API client may reach (rule A10).",
  params: member,
  response: dataOf(
    z.array(
      z.object({
        project: projectGrant.shape.project,
        project_role: projectGrant.shape.project_role,
        privileges: z.array(z.string()),
        user_group: projectGrant.shape.user_group,
      }),
    ),
  ),
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    return { data: await memberProjectsPrivileges(ctx, params.managed_user_id, params.id) };
  },
});

export const memberPrivilegeEndpoints = [listMemberProjectGrantsEndpoint, getMemberPrivilegesEndpoint, getMemberProjectsPrivilegesEndpoint];
