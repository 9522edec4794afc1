import "server-only";
import { and, eq } from "drizzle-orm";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { readCustomer, type CustomerRecord } from "@/lib/customers/reads/customer-record";
import { assertMayManageCustomers } from "@/lib/customers/permissions";

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface CommandPlan {
  /** The audit action, e.g. `customer.plan_changed`. */
  action: string;
  /** Old and new values; fields whose value stays the same are dropped, and nothing is written when none is left. */
  changes: Changes;
  /** Columns of `customers` to write. */
  set?: Partial<typeof customers.$inferInsert>;
  /** Further writes of the same change (rows of other tables), run only when something changes. */
  apply?: (tx: Transaction) => Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes what the plans say, on a customer read and locked in `tx`: each plan's changes without the fields that stay
 * the same, one row update with every plan's columns, and one audit event per plan that changes something (the
 * same event whichever way the change arrived: Settings, the API or a bulk job). Answers whether anything changed.
 */
export async function applyPlans(tx: Transaction, ctx: RequestContext, customer: CustomerRecord, plans: readonly CommandPlan[]): Promise<boolean> {
  const effective = plans
    .map((plan) => ({ ...plan, changes: Object.fromEntries(Object.entries(plan.changes).filter(([, change]) => !same(change.from, change.to))) }))
    .filter((plan) => Object.keys(plan.changes).length > 0);
  if (effective.length === 0) return false;
  const set = Object.assign({}, ...effective.map((plan) => plan.set ?? {})) as NonNullable<CommandPlan["set"]>;
  if (Object.keys(set).length > 0) {
    await tx
      .update(customers)
      .set({ ...set, updatedAt: ctx.now })
      .where(and(eq(customers.id, customer.id), eq(customers.partnerId, ctx.partnerId)));
  }
  for (const plan of effective) {
    await plan.apply?.(tx);
    await recordAudit(tx, ctx, {
      action: plan.action,
      targetType: "customer",
      targetId: customer.id,
      changes: plan.changes,
      // Named as it is after the change, so that a rename reads under the new name.
      customer: { id: customer.id, name: set.name ?? customer.name },
    });
  }
  return true;
}

/**
 * The shape of every command on one customer: the caller must be allowed to manage customers; the customer is
 * read and locked within the partner (another partner's answers NOT_FOUND and nothing is written); `decide`
 * validates and says what changes; the writes and their audit event share one transaction.
 */
export async function customerCommand(
  ctx: RequestContext,
  customerId: number,
  decide: (tx: Transaction, customer: CustomerRecord) => Promise<CommandPlan>,
): Promise<{ changed: boolean }> {
  assertMayManageCustomers(ctx);
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId, { forUpdate: true });
    return { changed: await applyPlans(tx, ctx, customer, [await decide(tx, customer)]) };
  });
}
