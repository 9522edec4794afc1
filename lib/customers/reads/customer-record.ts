import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { customers, plans } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import type { PlanRef } from "@/lib/customers/plan";

const freePlans = alias(plans, "free_plans");

export interface CustomerRecord {
  id: number;
  name: string;
  externalId: string | null;
  notificationEmail: string;
  trialEndsAt: Date | null;
  iframeOrigins: string[];
  appAccess: "all" | "selected";
  tasksUsed: number;
  usagePeriod: string;
  createdAt: Date;
  /** The stored plan. */
  plan: PlanRef;
  /** The partner's Free plan (decision D1), the plan of an ended trial. */
  freePlan: PlanRef | null;
}

function planColumns<Table extends typeof plans | typeof freePlans>(table: Table) {
  return {
    id: table.id as Table["id"],
    name: table.name as Table["name"],
    taskLimit: table.taskLimit as Table["taskLimit"],
    connectionLimit: table.connectionLimit as Table["connectionLimit"],
    isFree: table.isFree as Table["isFree"],
  };
}

function selectCustomers(tx: Queryable) {
  return tx
    .select({
      id: customers.id,
      name: customers.name,
      externalId: customers.externalId,
      notificationEmail: customers.notificationEmail,
      trialEndsAt: customers.trialEndsAt,
      iframeOrigins: customers.iframeOrigins,
      appAccess: customers.appAccess,
      tasksUsed: customers.tasksUsed,
      usagePeriod: customers.usagePeriod,
      createdAt: customers.createdAt,
      plan: planColumns(plans),
      freePlan: planColumns(freePlans),
    })
    .from(customers)
    .innerJoin(plans, eq(plans.id, customers.planId))
    .leftJoin(freePlans, and(eq(freePlans.partnerId, customers.partnerId), eq(freePlans.isFree, true)));
}

/**
 * One customer of the context's partner, with its plan and the partner's Free plan. A customer of another
 * partner answers exactly like one that does not exist (decision D8). `forUpdate` locks the row for a command.
 */
export async function readCustomer(
  tx: Queryable,
  ctx: Pick<RequestContext, "partnerId">,
  customerId: number,
  options: { forUpdate?: boolean } = {},
): Promise<CustomerRecord> {
  const mine = and(eq(customers.id, customerId), eq(customers.partnerId, ctx.partnerId));
  // The row alone is locked first, then read with its plans: locked through the join, a row whose plan another
  // transaction changed meanwhile is checked again against the plan read before the wait, and drops out (the
  // command would answer "not found" to a concurrent save). Read after the lock, everything is current.
  if (options.forUpdate) await tx.select({ id: customers.id }).from(customers).where(mine).for("update");
  const [row] = await selectCustomers(tx).where(mine);
  if (!row) throw notFound("Customer");
  return row;
}

/**
 * Many customers of the context's partner at once (a bulk job's batch), locked like readCustomer, in ID order (two
 * batches locking overlapping rows take them in the same order). IDs that are not the partner's customers are left out.
 */
export async function readCustomers(tx: Queryable, ctx: Pick<RequestContext, "partnerId">, customerIds: readonly number[]): Promise<CustomerRecord[]> {
  if (customerIds.length === 0) return [];
  const mine = and(sql`${customers.id} = any(${intArrayLiteral(customerIds)}::int[])`, eq(customers.partnerId, ctx.partnerId));
  await tx.select({ id: customers.id }).from(customers).where(mine).orderBy(asc(customers.id)).for("update");
  return selectCustomers(tx).where(mine).orderBy(asc(customers.id));
}
