import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { customers } from "@/db/schema";
import { authorize } from "@/lib/authorization/authorize";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { CustomerQuery } from "@/lib/customers/query-input";
import type { Queryable } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/ids";
import { customerTableViewIn, partnerPlans } from "./table";

/** A customer as the REST API shows it (a "managed user" in the original product's words). */
export interface ManagedUser {
  id: number;
  external_id: string | null;
  name: string;
  notification_email: string;
  plan_id: number;
  origin_url: string | null;
  in_trial: boolean;
  created_at: string;
  updated_at: string;
}

export const managedUserColumns = {
  id: customers.id,
  name: customers.name,
  externalId: customers.externalId,
  notificationEmail: customers.notificationEmail,
  planId: customers.planId,
  trialEndsAt: customers.trialEndsAt,
  iframeOrigins: customers.iframeOrigins,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};
export type ManagedUserRow = Pick<typeof customers.$inferSelect, keyof typeof managedUserColumns>;

export function toManagedUser(row: ManagedUserRow, at: Date): ManagedUser {
  return {
    id: row.id,
    external_id: row.externalId,
    name: row.name,
    notification_email: row.notificationEmail,
    plan_id: row.planId,
    origin_url: row.iframeOrigins.length > 0 ? row.iframeOrigins.join(",") : null,
    in_trial: row.trialEndsAt !== null && row.trialEndsAt > at,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/**
 * Which customer `:managed_user_id` names (decision D4): the numeric ID, or `E` followed by the external ID (the
 * router has already URL-decoded it). Anything else, or another partner's customer, is not found (D8).
 */
export function managedUserCondition(ctx: RequestContext, reference: string): SQL {
  const partner = eq(customers.partnerId, ctx.partnerId);
  const id = parseRecordId(reference);
  if (id !== null) return and(partner, eq(customers.id, id))!;
  if (reference.length > 1 && reference.startsWith("E")) return and(partner, eq(customers.externalId, reference.slice(1)))!;
  throw notFound("Managed user");
}

/** Locks and returns the customer a reference names, or throws not found. */
export async function findManagedUser(tx: Queryable, ctx: RequestContext, reference: string): Promise<ManagedUserRow> {
  const [row] = await tx.select(managedUserColumns).from(customers).where(managedUserCondition(ctx, reference)).for("update");
  if (!row) throw notFound("Managed user");
  return row;
}

/** **GET /api/managed_users/:id**: the customer a reference names (its ID, or `E` + its external ID). */
export async function readManagedUser(ctx: RequestContext, reference: string): Promise<ManagedUser> {
  await authorize(ctx, "customers.read");
  const row = await inPartnerScope(ctx, async (tx) => {
    const [found] = await tx.select(managedUserColumns).from(customers).where(managedUserCondition(ctx, reference));
    return found;
  });
  if (!row) throw notFound("Managed user");
  return toManagedUser(row, ctx.now);
}

/** **GET /api/managed_users**: the Customers table's view and its customers' API fields (in the view's order), in one transaction. */
export async function managedUsersReads(ctx: RequestContext, query: CustomerQuery) {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const view = await customerTableViewIn(tx, ctx, query);
    const ids = view.table.rows.map((row) => row.id);
    const rows = ids.length ? await tx.select(managedUserColumns).from(customers).where(inArray(customers.id, ids)) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { view, customers: ids.flatMap((id) => byId.get(id) ?? []) };
  });
}

/** The plan of a customer created through the API without `plan_id`: the partner's first plan that is not free. */
export async function defaultPlanForApiCustomer(ctx: RequestContext): Promise<number> {
  await authorize(ctx, "customers.write");
  const plans = await inPartnerScope(ctx, (tx) => partnerPlans(tx, ctx.partnerId));
  const planId = plans.find((plan) => !plan.isFree)?.id;
  if (planId === undefined) throw invalid("Invalid request body: plan_id.", { plan_id: ["You have no plan to put the customer on."] });
  return planId;
}
