import "server-only";
import { z } from "zod";
import { addCustomer } from "@/lib/customers/commands/add-customer";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";
import { deleteCustomerByReference } from "@/lib/customers/commands/delete-customer";
import { defaultPlanForApiCustomer, managedUsersReads, readManagedUser, toManagedUser } from "@/lib/customers/reads/managed-user";
import { parseOriginList } from "@/lib/customers/origins";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { updateCustomer } from "@/lib/customers/commands/update-customer";
import { invalid } from "@/lib/errors";
import { defineEndpoint } from "../endpoint";
import { idSchema, isoDateTime, managedUserParam, okResponse, resultOf } from "../schemas";

const managedUser = z.object({
  id: z.number().int(),
  external_id: z.string().nullable(),
  name: z.string(),
  notification_email: z.string(),
  plan_id: z.number().int(),
  origin_url: z.string().nullable().describe("The customer's own iframe origins, comma-separated (rule U27)."),
  in_trial: z.boolean(),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});

const fields = addCustomerSchema.shape;
const origins = z.string().max(4000).nullable().describe("One or more origins, comma-separated, such as https://app.example.com; null clears them.");

const createBody = z.object({
  name: fields.name,
  notification_email: fields.notificationEmail,
  plan_id: idSchema.optional().describe("One of your plans; the first of your plans when omitted."),
  external_id: z.string().trim().min(1).max(100).nullable().optional(),
  origin_url: origins.optional(),
  frame_ancestors: origins.optional().describe("Same as origin_url; origin_url wins when both are given."),
});

const updateBody = z.object({
  name: fields.name.optional(),
  notification_email: fields.notificationEmail.optional(),
  plan_id: idSchema.optional(),
  external_id: z.string().trim().min(1).max(100).nullable().optional(),
  origin_url: origins.optional(),
  frame_ancestors: origins.optional(),
  in_trial: z.boolean().optional().describe("true starts (or restarts) a 30-day trial; false ends it."),
});

/** origin_url or frame_ancestors as a list of origins: undefined when absent, null when cleared. */
function originsOf(body: { origin_url?: string | null; frame_ancestors?: string | null }): string[] | null | undefined {
  const value = body.origin_url !== undefined ? body.origin_url : body.frame_ancestors;
  if (value === undefined || value === null) return value;
  const parsed = parseOriginList(value);
  const field = body.origin_url !== undefined ? "origin_url" : "frame_ancestors";
  if (parsed.errors.length > 0) throw invalid(`Invalid request body: ${field}.`, { [field]: parsed.errors });
  return parsed.origins.length > 0 ? parsed.origins : null;
}

const listQuery = z.object({
  q: z.string().optional().describe("Matches the name or the external ID."),
  status: z.enum(["all", "active", "in_trial", "expired"]).optional(),
  plan: z.string().optional().describe("Plan IDs, comma-separated."),
  app: z.string().optional().describe("An app ID: customers that use it."),
  joined: z.enum(["7d", "30d", "90d", "12m", "custom"]).optional(),
  from: z.string().optional().describe("YYYY-MM-DD, with joined=custom."),
  to: z.string().optional().describe("YYYY-MM-DD, with joined=custom."),
  sort: z.enum(["name", "joined", "tasks", "connections"]).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  size: z.enum(["25", "50", "100"]).optional(),
  page: z.string().optional(),
  after: z.string().optional().describe("The next_cursor of the previous page."),
  before: z.string().optional(),
});

const tag = "Customers (managed users)";
const params = z.object({ managed_user_id: managedUserParam });

export const listManagedUsers = defineEndpoint({
  method: "GET",
  path: "/api/managed_users",
  tag,
  summary: "List customers",
  description: "Paginated (keyset: pass next_cursor as after), with the same search and filters as the Customers table.",
  scope: "customers:read",
  rateGroup: "customers",
  query: listQuery,
  response: resultOf(
    z.object({
      items: z.array(managedUser),
      page: z.number().int(),
      total: z.number().int().describe("How many customers match, at most 10,000 (see total_capped)."),
      total_capped: z.boolean(),
      next_cursor: z.string().nullable(),
      previous_cursor: z.string().nullable(),
    }),
  ),
  async handler(ctx, { url }) {
    const query = customerQueryFromSearchParams(url.searchParams);
    const { view, customers: listed } = await managedUsersReads(ctx, query);
    const count = view.counts[query.status];
    return {
      result: {
        items: listed.map((customer) => toManagedUser(customer, ctx.now)),
        page: view.table.page,
        total: count.value,
        total_capped: count.capped,
        next_cursor: view.table.hasNext ? view.table.nextCursor : null,
        previous_cursor: view.table.hasPrevious ? view.table.previousCursor : null,
      },
    };
  },
});

export const getManagedUser = defineEndpoint({
  method: "GET",
  path: "/api/managed_users/{managed_user_id}",
  tag,
  summary: "Get a customer",
  scope: "customers:read",
  rateGroup: "customers",
  params,
  response: resultOf(managedUser),
  async handler(ctx, { params }) {
    return { result: await readManagedUser(ctx, params.managed_user_id) };
  },
});

export const createManagedUser = defineEndpoint({
  method: "POST",
  path: "/api/managed_users",
  tag,
  summary: "Create a customer",
  description: "A new customer workspace, with its three environments.",
  scope: "customers:write",
  rateGroup: "customers",
  body: createBody,
  response: resultOf(managedUser),
  status: 201,
  async handler(ctx, { body }) {
    const iframeOrigins = originsOf(body) ?? [];
    const planId = body.plan_id ?? (await defaultPlanForApiCustomer(ctx));
    const created = await addCustomer(
      ctx,
      { name: body.name, notificationEmail: body.notification_email, planId, externalId: body.external_id ?? null },
      { iframeOrigins },
    );
    return { result: await readManagedUser(ctx, String(created.id)) };
  },
});

export const updateManagedUser = defineEndpoint({
  method: "PUT",
  path: "/api/managed_users/{managed_user_id}",
  tag,
  summary: "Update a customer",
  description: "Only the fields given change; null clears an optional field (external_id, origin_url).",
  scope: "customers:write",
  rateGroup: "customers",
  params,
  body: updateBody,
  response: resultOf(managedUser),
  async handler(ctx, { params, body }) {
    const result = await updateCustomer(ctx, params.managed_user_id, {
      name: body.name,
      notificationEmail: body.notification_email,
      planId: body.plan_id,
      externalId: body.external_id,
      iframeOrigins: originsOf(body),
      inTrial: body.in_trial,
    });
    return { result };
  },
});

export const deleteManagedUser = defineEndpoint({
  method: "DELETE",
  path: "/api/managed_users/{managed_user_id}",
  tag,
  summary: "Delete a customer",
  description: "Permanent: removes all the account's data and recipes (rule U29).",
  scope: "customers:write",
  rateGroup: "customers",
  params,
  response: okResponse,
  async handler(ctx, { params }) {
    await deleteCustomerByReference(ctx, params.managed_user_id);
    return { result: "ok" };
  },
});
