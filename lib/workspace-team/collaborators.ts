import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { listWorkspaceMembers, type WorkspaceMember } from "@/lib/workspace-team/membership";
import { readCustomer } from "@/lib/customers/reads/customer-record";
import { authorize } from "@/lib/authorization/authorize";

/**
 * The Collaborators tab (rules U17, C12, decision D7): every member of the customer workspace with its effective
 * role and where that role comes from. NOT_FOUND for an unknown or another partner's customer.
 */
export async function listCollaborators(ctx: RequestContext, customerId: number): Promise<WorkspaceMember[]> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    return listWorkspaceMembers(tx, ctx.partnerId, customer.id);
  });
}
