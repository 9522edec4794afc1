import "server-only";
import { removeCustomers } from "@/lib/customers/commands/delete";
import { readCustomers } from "@/lib/customers/reads/customer-record";
import { CUSTOMER_GONE, type PreparedAction } from "../runners";

/**
 * Delete (rule U29), confirmed when the job was started by the typed count: each batch removes its customers with
 * the `customer.deleted` event each would get alone (their workspaces go by ON DELETE CASCADE, the audit trail stays).
 */
export const deleteAction: PreparedAction = {
  label: "Delete customers",
  async runBatch(tx, ctx, customerIds) {
    const found = await readCustomers(tx, ctx, customerIds);
    await removeCustomers(tx, ctx, found);
    const present = new Set(found.map((customer) => customer.id));
    const errors = customerIds.filter((id) => !present.has(id)).map((customerId) => ({ customerId, reason: CUSTOMER_GONE }));
    return { changed: found.length, failed: errors.length, errors };
  },
};
