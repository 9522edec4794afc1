import "server-only";
import { z } from "zod";
import { nameField } from "@/lib/names";
import { listGroupProjectGrants } from "@/lib/project-grants/grantee-grants";
import { createUserGroup, deleteUserGroup, getUserGroup, listUserGroups, updateUserGroup } from "@/lib/user-groups/groups";
import { addGroupMembers, listGroupMembers, removeGroupMembers } from "@/lib/user-groups/members";
import { defineEndpoint } from "../endpoint";
import { dataOf, idSchema, isoDateTime, managedUserParam, okResponse, pageOf, pageQuery, pathIdSchema } from "../schemas";
import { projectGrant } from "./project-grants";
import { requireDevelopmentReach } from "./workspace-members";

const base = "/api/managed_users/{managed_user_id}/user_groups";
const common = { tag: "Collaborator groups", rateGroup: "collaborators" as const };

const group = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  members_count: z.number().int(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
const groupMember = z.object({ id: z.number().int().describe("The collaborator's user ID."), name: z.string(), email: z.string() });

const workspace = z.object({ managed_user_id: managedUserParam });
const one = z.object({ managed_user_id: managedUserParam, id: pathIdSchema.describe("The collaborator group's ID.") });
const name = nameField({ required: "Enter the group's name.", max: 200, tooLong: "Keep the name under 200 characters." });
const description = z.string().trim().max(2000);
const userIds = z.object({ user_ids: z.array(idSchema).min(1).max(1000).describe("Collaborators' user IDs, numbers or strings of digits.") });

export const listUserGroupsEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: base,
  summary: "List collaborator groups",
  description: "page[size] at most 100.",
  scope: "collaborators:read",
  params: workspace,
  query: z.object({ name: z.string().max(200).optional().describe("Part of the group's name."), ...pageQuery }),
  response: pageOf(group),
  async handler(ctx, { params, query }) {
    await requireDevelopmentReach(ctx);
    return listUserGroups(ctx, params.managed_user_id, { name: query.name, page: query["page[number]"], size: query["page[size]"] });
  },
});

export const getUserGroupEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/{id}`,
  summary: "Get a collaborator group",
  scope: "collaborators:read",
  params: one,
  response: dataOf(group),
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    return { data: await getUserGroup(ctx, params.managed_user_id, params.id) };
  },
});

export const createUserGroupEndpoint = defineEndpoint({
  ...common,
  method: "POST",
  path: base,
  summary: "Create a collaborator group",
  description: "Group names are unique in the workspace, whatever their case (409).",
  scope: "collaborators:write",
  params: workspace,
  body: z.object({ name, description: description.default("") }),
  response: dataOf(group),
  status: 201,
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    return { data: await createUserGroup(ctx, params.managed_user_id, body) };
  },
});

export const updateUserGroupEndpoint = defineEndpoint({
  ...common,
  method: "PUT",
  path: `${base}/{id}`,
  summary: "Update a collaborator group",
  description: "Only the fields given change.",
  scope: "collaborators:write",
  params: one,
  body: z.object({ name: name.optional(), description: description.optional() }),
  response: dataOf(group),
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    return { data: await updateUserGroup(ctx, params.managed_user_id, params.id, body) };
  },
});

export const deleteUserGroupEndpoint = defineEndpoint({
  ...common,
  method: "DELETE",
  path: `${base}/{id}`,
  summary: "Delete a collaborator group",
  description: "Its memberships and project grants go with it; its members keep their own access.",
  scope: "collaborators:write",
  params: one,
  response: okResponse,
  async handler(ctx, { params }) {
    await requireDevelopmentReach(ctx);
    await deleteUserGroup(ctx, params.managed_user_id, params.id);
    return { result: "ok" };
  },
});

export const listUserGroupMembersEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/{id}/members`,
  summary: "List a collaborator group's members",
  scope: "collaborators:read",
  params: one,
  query: z.object({ text: z.string().max(200).optional().describe("Part of the member's name or email."), ...pageQuery }),
  response: pageOf(groupMember),
  async handler(ctx, { params, query }) {
    await requireDevelopmentReach(ctx);
    return listGroupMembers(ctx, params.managed_user_id, params.id, { text: query.text, page: query["page[number]"], size: query["page[size]"] });
  },
});

export const addUserGroupMembersEndpoint = defineEndpoint({
  ...common,
  method: "POST",
  path: `${base}/{id}/members`,
  summary: "Add members to a collaborator group",
  description: "Each ID must be a collaborator of the workspace (400 naming the entry otherwise); one already in the group stays. Answers the group.",
  scope: "collaborators:write",
  params: one,
  body: userIds,
  response: dataOf(group),
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    return { data: await addGroupMembers(ctx, params.managed_user_id, params.id, body.user_ids) };
  },
});

export const removeUserGroupMembersEndpoint = defineEndpoint({
  ...common,
  method: "DELETE",
  path: `${base}/{id}/members`,
  summary: "Remove members from a collaborator group",
  description: "Send the user IDs as a JSON body. An ID that is not in the group is a 400 naming the entry, and nothing changes. Answers the group.",
  scope: "collaborators:write",
  params: one,
  body: userIds,
  response: dataOf(group),
  async handler(ctx, { params, body }) {
    await requireDevelopmentReach(ctx);
    return { data: await removeGroupMembers(ctx, params.managed_user_id, params.id, body.user_ids) };
  },
});

export const listUserGroupProjectGrantsEndpoint = defineEndpoint({
  ...common,
  method: "GET",
  path: `${base}/{id}/project_grants`,
  summary: "List a collaborator group's project grants",
  description: "Only grants in environments and projects this API client may reach (rule A10).",
  scope: "collaborators:read",
  params: one,
  query: z.object(pageQuery),
  response: pageOf(projectGrant),
  async handler(ctx, { params, query }) {
    await requireDevelopmentReach(ctx);
    return listGroupProjectGrants(ctx, params.managed_user_id, params.id, { page: query["page[number]"], size: query["page[size]"] });
  },
});

export const userGroupEndpoints = [
  listUserGroupsEndpoint,
  getUserGroupEndpoint,
  createUserGroupEndpoint,
  updateUserGroupEndpoint,
  deleteUserGroupEndpoint,
  listUserGroupMembersEndpoint,
  addUserGroupMembersEndpoint,
  removeUserGroupMembersEndpoint,
  listUserGroupProjectGrantsEndpoint,
];
