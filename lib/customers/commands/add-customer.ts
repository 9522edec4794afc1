import "server-only";
import { and, eq } from "drizzle-orm";
import { customers, environments, plans } from "@/db/schema";
import { recordAudits } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, invalid } from "@/lib/errors";
import { billingPeriodOf } from "@/lib/customers/billing-period";
import { EXTERNAL_ID_TAKEN, type AddCustomerValues } from "@/lib/customers/add-customer-input";
import { authorize } from "@/lib/authorization/authorize";

/**
 * Adds a customer workspace (rule U14) with its three environments, in one transaction with its audit event.
 * A duplicate external ID is a field error and writes nothing, even when two requests race (the unique index
 * decides).
 */
export async function addCustomer(
  ctx: RequestContext,
  input: AddCustomerValues,
  options: { iframeOrigins?: string[] } = {},
): Promise<{ id: number; name: string }> {
  await authorize(ctx, "customers.write");
  try {
    return await inPartnerScope(ctx, (tx) => insertCustomer(tx, ctx, input, options));
  } catch (error) {
    if (isUniqueViolation(error, "customers_partner_external_id_key")) {
      throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
    }
    throw error;
  }
}

/**
 * The add itself, in the caller's partner-scoped transaction: the one verb behind **+ Add customer** and the API's
 * `POST /api/managed_users`, with its checks; the rows and the audit event are written by `insertCustomers`.
 */
export async function insertCustomer(
  tx: Transaction,
  ctx: RequestContext,
  input: AddCustomerValues,
  options: { iframeOrigins?: string[] } = {},
): Promise<{ id: number; name: string }> {
  const [plan] = await tx
    .select({ id: plans.id, name: plans.name })
    .from(plans)
    .where(and(eq(plans.id, input.planId), eq(plans.partnerId, ctx.partnerId), eq(plans.isFree, false)));
  if (!plan) throw invalid("Choose one of your plans.", { planId: ["Choose one of your plans."] });
  if (input.externalId !== null) {
    const [taken] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.partnerId, ctx.partnerId), eq(customers.externalId, input.externalId)));
    if (taken) throw conflict(EXTERNAL_ID_TAKEN, { externalId: [EXTERNAL_ID_TAKEN] });
  }
  const [customer] = await insertCustomers(tx, ctx, [{ input, plan, iframeOrigins: options.iframeOrigins ?? [] }]);
  return customer!;
}

export interface NewCustomer {
  input: AddCustomerValues;
  /** One of the partner's own plans other than Free, checked by the caller. */
  plan: { id: number; name: string };
  iframeOrigins: string[];
}

/**
 * The writes of adding customers, once checked: their rows, three environments each and one `customer.created`
 * event each, in multi-row INSERTs (a CSV import's batch adds thousands at once). Answers them in the given order.
 */
export async function insertCustomers(tx: Transaction, ctx: RequestContext, added: readonly NewCustomer[]): Promise<{ id: number; name: string }[]> {
  if (added.length === 0) return [];
  const rows = await tx
    .insert(customers)
    .values(
      added.map(({ input, plan, iframeOrigins }) => ({
        partnerId: ctx.partnerId,
        name: input.name,
        notificationEmail: input.notificationEmail,
        planId: plan.id,
        externalId: input.externalId,
        iframeOrigins,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        usagePeriod: billingPeriodOf(ctx.now),
      })),
    )
    .returning({ id: customers.id, name: customers.name });
  // PostgreSQL returns the rows of a multi-row INSERT … VALUES in the order given.
  await tx
    .insert(environments)
    .values(rows.flatMap((customer) => (["development", "test", "production"] as const).map((type) => ({ partnerId: ctx.partnerId, customerId: customer.id, type }))));
  await recordAudits(
    tx,
    ctx,
    added.map(({ input, plan, iframeOrigins }, index) => ({
      action: "customer.created",
      targetType: "customer",
      targetId: rows[index]!.id,
      customer: rows[index]!,
      changes: {
        name: { from: null, to: input.name },
        externalId: { from: null, to: input.externalId },
        notificationEmail: { from: null, to: input.notificationEmail },
        plan: { from: null, to: plan.name },
        ...(iframeOrigins.length ? { iframeOrigins: { from: null, to: iframeOrigins } } : {}),
      },
    })),
  );
  return rows;
}
