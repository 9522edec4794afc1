import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { removeCustomer } from "./delete";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import { authorize } from "@/lib/authorization/authorize";

/**
 * Deletes a customer named by the REST API's reference (numeric ID or `E` + external ID, decision D4), with
 * the same removal as the console's Delete account (rule U29).
 */
export async function deleteCustomerByReference(ctx: RequestContext, reference: string): Promise<{ id: number; name: string }> {
  await authorize(ctx, "customers.write");
  return inPartnerScope(ctx, async (tx) => {
    const current = await findManagedUser(tx, ctx, reference);
    await removeCustomer(tx, ctx, current);
    return { id: current.id, name: current.name };
  });
}
