import "server-only";
import { z } from "zod";
import { assignCustomerManager } from "@/lib/customer-managers/assign";
import { editCustomerManager } from "@/lib/customer-managers/edit";
import { getCustomerManager, listCustomerManagersInFull, type CustomerManagerRow } from "@/lib/customer-managers/list";
import { removeCustomerManager } from "@/lib/customer-managers/remove";
import type { CustomerSelection } from "@/lib/customer-managers/schema";
import { DomainError } from "@/lib/errors";
import { defineEndpoint } from "../endpoint";
import { idListSchema, idSchema, itemsOf, okResponse, pathIdSchema, resultOf } from "../schemas";

/** A customer manager as the seed documents it (rule A3). */
const manager = z.object({
  id: z.number().int(),
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string(), avatar_url: z.string() }),
  privilege_group: z.object({ id: z.number().int(), name: z.string(), system: z.boolean() }),
  moderated_workspaces: z
    .array(z.object({ id: z.number().int(), name: z.string() }))
    .describe("The customers it manages; empty when it manages all of them (rule A6)."),
});

function toManager(row: CustomerManagerRow): z.infer<typeof manager> {
  return {
    id: row.id,
    user: { id: row.user.id, name: row.user.name, email: row.user.email, avatar_url: row.user.avatarUrl },
    privilege_group: { id: row.role.id, name: row.role.name, system: row.role.system },
    moderated_workspaces: row.manageAll ? [] : row.firstCustomers.map(({ id, name }) => ({ id, name })),
  };
}

const roleId = idSchema.describe("A system role, or one of your inheritable roles (GET /api/roles).");
const permittedWorkspaceIds = idListSchema
  .optional()
  .describe("The customers (managed user IDs) it manages with the role; omitted or [] means all of them, present and future (rule A6).");

const createBody = z.object({
  team_collaborator_id: idSchema.describe("The user ID of a member of your partner team (GET /api/members)."),
  role_id: roleId,
  permitted_workspace_ids: permittedWorkspaceIds,
});

const updateBody = z.object({ role_id: roleId, permitted_workspace_ids: permittedWorkspaceIds });

/** The API's way of saying **Manage all customers**: no `permitted_workspace_ids`, or an empty list (the form has a switch, selectionOf). */
const permittedSelection = (ids: number[] | undefined): CustomerSelection => (ids && ids.length > 0 ? ids : "all");

/** The commands' field names, as the API calls them. */
const API_FIELDS: Record<string, string> = { userId: "team_collaborator_id", roleId: "role_id", customerIds: "permitted_workspace_ids" };

/**
 * The commands name their fields as the console does; the API renames them, and an unknown ID in the body (a
 * person, role or customer that does not exist or is another partner's) is a 400 naming the field, whereas an
 * unknown manager in the URL stays a 404.
 */
async function withApiFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || !Object.keys(error.fieldErrors).some((key) => key in API_FIELDS)) throw error;
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([key, messages]) => [API_FIELDS[key] ?? key, messages]));
    const code = error.code === "NOT_FOUND" ? "VALIDATION" : error.code;
    const message = code === "VALIDATION" ? `Invalid request body: ${Object.keys(fieldErrors).join(", ")}. ${error.message}.` : error.message;
    throw new DomainError(code, message, fieldErrors);
  }
}

const tag = "Customer managers";
const params = z.object({ id: pathIdSchema.describe("The customer manager's ID.") });

export const listCustomerManagersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/customer_managers",
  tag,
  summary: "List customer managers",
  description: "Every customer manager of the partner, sorted by name, with all the customers each manages.",
  scope: "customer_managers:read",
  rateGroup: "customer_managers",
  response: itemsOf(manager),
  async handler(ctx) {
    return { result: { items: (await listCustomerManagersInFull(ctx)).map(toManager) } };
  },
});

export const createCustomerManagerEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/customer_managers",
  tag,
  summary: "Create a customer manager",
  description: "Makes a member of the partner team a manager of some customers (or all of them) with a role.",
  scope: "customer_managers:write",
  rateGroup: "customer_managers",
  body: createBody,
  response: resultOf(manager),
  status: 201,
  async handler(ctx, { body }) {
    const { id } = await withApiFields(() =>
      assignCustomerManager(ctx, { userId: body.team_collaborator_id, roleId: body.role_id, customerIds: permittedSelection(body.permitted_workspace_ids) }),
    );
    return { result: toManager(await getCustomerManager(ctx, id)) };
  },
});

export const updateCustomerManagerEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/customer_managers/{id}",
  tag,
  summary: "Update a customer manager",
  description: "Sets its role and the customers it manages; the customers given replace the previous ones.",
  scope: "customer_managers:write",
  rateGroup: "customer_managers",
  params,
  body: updateBody,
  response: resultOf(manager),
  async handler(ctx, { params, body }) {
    await withApiFields(() => editCustomerManager(ctx, { id: params.id, roleId: body.role_id, customerIds: permittedSelection(body.permitted_workspace_ids) }));
    return { result: toManager(await getCustomerManager(ctx, params.id)) };
  },
});

export const deleteCustomerManagerEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/customer_managers/{id}",
  tag,
  summary: "Delete a customer manager",
  description: "The person stays on the partner team and keeps its direct invitations to workspaces.",
  scope: "customer_managers:write",
  rateGroup: "customer_managers",
  params,
  response: okResponse,
  async handler(ctx, { params }) {
    await removeCustomerManager(ctx, { id: params.id });
    return { result: "ok" };
  },
});
