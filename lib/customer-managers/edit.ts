import "server-only";
import { and, eq } from "drizzle-orm";
import { customerManagers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordAuditForCustomers } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { NO_CUSTOMERS_MESSAGE } from "./assign";
import { assertMayManageManagers } from "./guard";
import { describeSelection, personLabel, requireManagerForUpdate, requireManagerRole } from "./lookups";
import { addManagedCustomers, customerNamesForAudit, managedCustomerIds, removeManagedCustomers } from "./managed-customers";
import type { CustomerSelection } from "./schema";

export interface ManagerUpdate {
  id: number;
  roleId: number;
  customerIds: CustomerSelection;
}

/**
 * **Edit customer manager** → **Save** (rule C9): a new role and other customers, in one transaction that adds and
 * removes exactly the difference of chosen customers (set-based), and audits the old and new values. The person's
 * direct invitations are not touched, so the role precedence of rule C12 holds throughout.
 */
export async function editCustomerManager(ctx: RequestContext, input: ManagerUpdate): Promise<{ id: number }> {
  assertMayManageManagers(ctx);
  if (input.customerIds !== "all" && input.customerIds.length === 0) {
    throw invalid(NO_CUSTOMERS_MESSAGE, { customerIds: [NO_CUSTOMERS_MESSAGE] });
  }
  return inPartnerScope(ctx, async (tx) => {
    const manager = await requireManagerForUpdate(tx, ctx, input.id);
    const role = await requireManagerRole(tx, ctx, input.roleId);
    const before: CustomerSelection = manager.manageAll ? "all" : await managedCustomerIds(tx, ctx, manager.id);

    // "All customers" keeps no rows: it covers every customer, present and future (rule C5).
    const removed = await removeManagedCustomers(tx, ctx, manager.id, input.customerIds === "all" ? [] : input.customerIds);
    const added = input.customerIds === "all" ? [] : await addManagedCustomers(tx, ctx, manager.id, input.customerIds);
    const after: CustomerSelection = input.customerIds === "all" ? "all" : [...new Set(input.customerIds)];

    const roleChanged = role.id !== manager.roleId;
    const scopeChanged = manager.manageAll !== (after === "all");
    // Customers that gained or lost access one by one; a change to or from "all" is told by the summary alone.
    const listToList = before !== "all" && after !== "all";
    if (!roleChanged && !scopeChanged && added.length === 0 && removed.length === 0) return { id: manager.id };

    await tx
      .update(customerManagers)
      .set({ roleId: role.id, manageAll: after === "all", updatedAt: ctx.now })
      .where(and(eq(customerManagers.id, manager.id), eq(customerManagers.partnerId, ctx.partnerId)));

    const person = personLabel(manager.person);
    await recordAudit(tx, ctx, {
      action: "customer_manager.update",
      targetType: "customer_manager",
      targetId: manager.id,
      changes: {
        person,
        ...(roleChanged ? { role: { from: manager.roleName, to: role.name } } : {}),
        ...(scopeChanged || added.length > 0 || removed.length > 0
          ? { customers: { from: describeSelection(before), to: describeSelection(after) } }
          : {}),
        ...(listToList && added.length > 0 ? { customersAdded: await customerNamesForAudit(tx, ctx, added) } : {}),
        ...(listToList && removed.length > 0 ? { customersRemoved: await customerNamesForAudit(tx, ctx, removed) } : {}),
      },
    });
    if (listToList) {
      const target = { targetType: "user", targetId: manager.person.id };
      await recordAuditForCustomers(tx, ctx, { action: "customer_manager.workspace_added", ...target, changes: { person, role: role.name } }, added);
      await recordAuditForCustomers(tx, ctx, { action: "customer_manager.workspace_removed", ...target, changes: { person, role: manager.roleName } }, removed);
    }
    return { id: manager.id };
  });
}
