import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { customers } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { DomainError, invalid } from "@/lib/errors";
import { adjustManagedCustomers, requireManagerOfChosenCustomers } from "@/lib/customer-managers/edit";
import { CUSTOMER_GONE, type PreparedAction } from "../runners";
import type { ParsedBulkAction } from "../types";

type ManagerAction = Extract<ParsedBulkAction, { type: "add_to_customer_manager" | "remove_from_customer_manager" }>;

/**
 * Add the customers to, or remove them from, a customer manager's customers (rule C9), with the events Edit
 * customer manager writes: the manager's, and one in each customer's Activity. A manager of all customers is
 * refused: there is no list to add to or remove from.
 */
export async function customerManagerAction(tx: Transaction, ctx: RequestContext, action: ManagerAction): Promise<PreparedAction> {
  const manager = await requireManagerOfChosenCustomers(tx, ctx, action.customerManagerId).catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    const message = error.code === "NOT_FOUND" ? "Choose one of your customer managers." : error.message;
    throw invalid(message, { "action.customerManagerId": [message] });
  });
  const adding = action.type === "add_to_customer_manager";
  return {
    label: adding ? `Add to ${manager.person.name}'s customers` : `Remove from ${manager.person.name}'s customers`,
    async runBatch(batchTx, batchCtx, customerIds) {
      const rows = await batchTx
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.partnerId, batchCtx.partnerId), inArray(customers.id, customerIds)))
        .orderBy(asc(customers.id));
      const present = rows.map((row) => row.id);
      const changed = await adjustManagedCustomers(batchTx, batchCtx, action.customerManagerId, adding ? { add: present } : { remove: present });
      const found = new Set(present);
      const errors = customerIds.filter((id) => !found.has(id)).map((customerId) => ({ customerId, reason: CUSTOMER_GONE }));
      return { changed: changed.length, failed: errors.length, errors };
    },
  };
}
