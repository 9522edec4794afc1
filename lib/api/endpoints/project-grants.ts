import "server-only";
import { z } from "zod";
import { deleteProjectGrant, getProjectGrant, listProjectGrants, putProjectGrants, updateProjectGrant } from "@/lib/project-grants/grants";
import { defineEndpoint } from "../endpoint";
import { dataOf, idSchema, managedUserParam, okResponse, pageOf, pageQuery, pathIdSchema } from "../schemas";

const common = { tag: "Project grants", rateGroup: "collaborators" as const };
const REACH = "Only environments and projects this API client may reach (rule A10): any other answers 404, like a missing one.";

/** A project role given to a collaborator (`user`) or to a collaborator group (`user_group`); the other is null. */
export const projectGrant = z.object({
  id: z.number().int(),
  project: z.object({
    id: z.number().int(),
    name: z.string(),
    environment: z.object({ id: z.number().int(), type: z.enum(["development", "test", "production"]) }),
  }),
  project_role: z.object({ id: z.number().int(), name: z.string() }),
  user_group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
});

const grantParams = z.object({ managed_user_id: managedUserParam, id: pathIdSchema.describe("The project grant's ID.") });
const projectParams = z.object({ managed_user_id: managedUserParam, id: pathIdSchema.describe("The project's ID.") });

export const getProjectGrantEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: "/api/managed_users/{managed_user_id}/project_grants/{id}",
  summary: "Get a project grant",
  description: REACH,
  scope: "collaborators:read",
  params: grantParams,
  response: dataOf(projectGrant),
  async handler(ctx, { params }) {
    return { data: await getProjectGrant(ctx, params.managed_user_id, params.id) };
  },
});

export const updateProjectGrantEndpoint = defineEndpoint({
  ...common,
  method: "PUT",
  path: "/api/managed_users/{managed_user_id}/project_grants/{id}",
  summary: "Update a project grant",
  description: `Gives the grant another project role of the workspace. ${REACH}`,
  scope: "collaborators:write",
  params: grantParams,
  body: z.object({ project_role_id: idSchema }),
  response: dataOf(projectGrant),
  async handler(ctx, { params, body }) {
    return { data: await updateProjectGrant(ctx, params.managed_user_id, params.id, { projectRoleId: body.project_role_id }) };
  },
});

export const deleteProjectGrantEndpoint = defineEndpoint({
  ...common,
  method: "DELETE",
  path: "/api/managed_users/{managed_user_id}/project_grants/{id}",
  summary: "Delete a project grant",
  description: REACH,
  scope: "collaborators:write",
  params: grantParams,
  response: okResponse,
  async handler(ctx, { params }) {
    await deleteProjectGrant(ctx, params.managed_user_id, params.id);
    return { result: "ok" };
  },
});

/** The list is served at the path the seed prints (`/:id/project_grants`) and at the intended one (decision D5). */
function listEndpoint(path: string, note: string) {
  return defineEndpoint({
    ...common,
    method: "GET",
    path,
    summary: "List a project's grants",
    description: `${note} page[size] at most 100. ${REACH}`,
    scope: "collaborators:read",
    params: projectParams,
    query: z.object(pageQuery),
    response: pageOf(projectGrant),
    async handler(ctx, { params, query }) {
      return listProjectGrants(ctx, params.managed_user_id, params.id, { page: query["page[number]"], size: query["page[size]"] });
    },
  });
}

export const listProjectGrantsEndpoint = listEndpoint(
  "/api/managed_users/{managed_user_id}/projects/{id}/project_grants",
  "Also served at /api/managed_users/{managed_user_id}/{id}/project_grants.",
);
export const listProjectGrantsAsPrintedEndpoint = listEndpoint(
  "/api/managed_users/{managed_user_id}/{id}/project_grants",
  "The path as the documentation prints it; the same as /api/managed_users/{managed_user_id}/projects/{id}/project_grants.",
);

export const putProjectGrantsEndpoint = defineEndpoint({
  ...common,
  method: "PUT",
  path: "/api/managed_users/{managed_user_id}/projects/{id}/project_grants",
  summary: "Add or update a project's grants",
  description: `At most 100 grants a request. A collaborator (assignment_type User) or group (UserGroup) that already has a grant in the project gets the new role; the others get a new grant. One bad entry (400 naming it) changes nothing. Answers the grants given. ${REACH}`,
  scope: "collaborators:write",
  params: projectParams,
  body: z.object({
    project_grants: z
      .array(
        z.object({
          assignment_type: z.enum(["User", "UserGroup"]).describe("User: a collaborator of the workspace; UserGroup: one of its collaborator groups."),
          assignment_id: idSchema.describe("The collaborator's user ID or the group's ID."),
          project_role_id: idSchema,
        }),
      )
      .min(1)
      .max(100),
  }),
  response: dataOf(z.array(projectGrant)),
  async handler(ctx, { params, body }) {
    const grants = body.project_grants.map((grant) => ({
      assignmentType: grant.assignment_type,
      assignmentId: grant.assignment_id,
      projectRoleId: grant.project_role_id,
    }));
    return { data: await putProjectGrants(ctx, params.managed_user_id, params.id, grants) };
  },
});

export const projectGrantEndpoints = [
  getProjectGrantEndpoint,
  updateProjectGrantEndpoint,
  deleteProjectGrantEndpoint,
  listProjectGrantsEndpoint,
  listProjectGrantsAsPrintedEndpoint,
  putProjectGrantsEndpoint,
];
