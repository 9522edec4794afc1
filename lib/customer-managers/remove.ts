import "server-only";
import { and, eq } from "drizzle-orm";
import { customerManagers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordAuditForCustomers } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { describeSelection, personLabel, requireManagerForUpdate } from "./lookups";
import { managedCustomerIds } from "./managed-customers";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Remove customer manager** (rule C10): deletes the assignment and its chosen customers (by cascade) in one
 * transaction. The person's direct invitations stay, and so does its work: recipe versions and jobs keep their
 * author. A switch it is in ends at its next request (the session re-checks access every time).
 */
export async function removeCustomerManager(ctx: RequestContext, input: { id: number }): Promise<{ id: number }> {
  await authorize(ctx, "customer_managers.write");
  return inPartnerScope(ctx, async (tx) => {
    const manager = await requireManagerForUpdate(tx, ctx, input.id);
    const chosen = manager.manageAll ? null : await managedCustomerIds(tx, ctx, manager.id);
    await tx.delete(customerManagers).where(and(eq(customerManagers.id, manager.id), eq(customerManagers.partnerId, ctx.partnerId)));

    const person = personLabel(manager.person);
    await recordAudit(tx, ctx, {
      action: "customer_manager.remove",
      targetType: "customer_manager",
      targetId: manager.id,
      changes: {
        person,
        role: { from: manager.roleName, to: null },
        customers: { from: describeSelection(chosen ?? "all"), to: null },
      },
    });
    await recordAuditForCustomers(
      tx,
      ctx,
      { action: "customer_manager.workspace_removed", targetType: "user", targetId: manager.person.id, changes: { person, role: manager.roleName } },
      chosen ?? [],
    );
    return { id: manager.id };
  });
}
