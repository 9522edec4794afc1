import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import { recordAudits } from "@/lib/audit/record-many";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { readCustomer } from "@/lib/customers/reads/customer-record";
import type { DeleteCustomerInput } from "@/lib/customers/settings-schema";
import { authorize } from "@/lib/authorization/authorize";

export const DELETE_NAME_MISMATCH = "Type the customer's name exactly as it is shown to confirm.";

/**
 * Delete account (rule U29): permanent. The person confirms by typing the customer's exact name. One transaction
 * removes the customer and, through ON DELETE CASCADE, everything of its workspace (members, invitations,
 * manager assignments, roles, environments, projects, groups, grants, connections, recipes, versions, jobs,
 * app access); sessions switched into it fall back to the partner account. The audit trail has no foreign key
 * to customers, so its events, and the `customer.deleted` event written here, stay.
 */
export async function deleteCustomer(ctx: RequestContext, input: DeleteCustomerInput): Promise<{ name: string }> {
  await authorize(ctx, "customers.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, input.customerId, { forUpdate: true });
    if (input.confirmName !== customer.name) throw invalid(DELETE_NAME_MISMATCH, { confirmName: [DELETE_NAME_MISMATCH] });
    await removeCustomer(tx, ctx, customer);
    return { name: customer.name };
  });
}

/** The removal itself, with its audit event, for every caller (the console's confirmation, the REST API). */
export async function removeCustomer(tx: Transaction, ctx: RequestContext, customer: { id: number; name: string; externalId: string | null }): Promise<void> {
  await removeCustomers(tx, ctx, [customer]);
}

/**
 * The removal of many customers at once (a bulk job's batch): each gets the `customer.deleted` event it would get
 * alone, written in multi-row inserts, and the rows go in one statement.
 */
export async function removeCustomers(
  tx: Transaction,
  ctx: RequestContext,
  removed: readonly { id: number; name: string; externalId: string | null }[],
): Promise<void> {
  if (removed.length === 0) return;
  await recordAudits(
    tx,
    ctx,
    removed.map((customer) => ({
      action: "customer.deleted",
      targetType: "customer",
      targetId: customer.id,
      changes: { name: customer.name, externalId: customer.externalId },
      customer: { id: customer.id, name: customer.name },
    })),
  );
  await tx
    .delete(customers)
    .where(and(sql`${customers.id} = any(${intArrayLiteral(removed.map((customer) => customer.id))}::int[])`, eq(customers.partnerId, ctx.partnerId)));
}
