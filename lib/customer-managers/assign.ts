import "server-only";
import { customerManagers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordAuditForCustomers } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { conflict, invalid } from "@/lib/errors";
import { describeSelection, personLabel, requireManagerRole, requireTeamMember } from "./lookups";
import { addManagedCustomers, customerNamesForAudit } from "./managed-customers";
import type { CustomerSelection } from "./schema";
import { authorize } from "@/lib/authorization/authorize";

export interface ManagerAssignment {
  /** A member of the partner's team (the API's `team_collaborator_id`). */
  userId: number;
  roleId: number;
  /** Chosen customers, or "all" (the API's empty or omitted `permitted_workspace_ids`). */
  customerIds: CustomerSelection;
}

export const NO_CUSTOMERS_MESSAGE = "Choose at least one customer, or turn on Manage all customers.";

/**
 * **Assign customer manager** (rules C2–C5): one transaction that checks the person is on the partner's team and
 * not yet a manager, the role is a system or inheritable role, and every customer is the partner's; it then
 * creates the manager and its chosen customers in one set-based insert, and audits it (once for the partner,
 * once in each chosen customer's activity). Nothing is written when any check fails.
 */
export async function assignCustomerManager(ctx: RequestContext, input: ManagerAssignment): Promise<{ id: number }> {
  await authorize(ctx, "customer_managers.write");
  if (input.customerIds !== "all" && input.customerIds.length === 0) {
    throw invalid(NO_CUSTOMERS_MESSAGE, { customerIds: [NO_CUSTOMERS_MESSAGE] });
  }
  return inPartnerScope(ctx, async (tx) => {
    const person = await requireTeamMember(tx, ctx, input.userId);
    const role = await requireManagerRole(tx, ctx, input.roleId);
    const [created] = await tx
      .insert(customerManagers)
      .values({
        partnerId: ctx.partnerId,
        userId: person.id,
        roleId: role.id,
        manageAll: input.customerIds === "all",
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: customerManagers.id });
    if (!created) {
      const message = `${person.name} is already a customer manager.`;
      throw conflict(message, { userId: [message] });
    }
    const added = input.customerIds === "all" ? [] : await addManagedCustomers(tx, ctx, created.id, input.customerIds);

    await recordAudit(tx, ctx, {
      action: "customer_manager.assign",
      targetType: "customer_manager",
      targetId: created.id,
      changes: {
        person: personLabel(person),
        role: { from: null, to: role.name },
        customers: { from: null, to: describeSelection(input.customerIds === "all" ? "all" : added) },
        ...(added.length > 0 ? { customersAdded: await customerNamesForAudit(tx, ctx, added) } : {}),
      },
    });
    await recordAuditForCustomers(
      tx,
      ctx,
      { action: "customer_manager.workspace_added", targetType: "user", targetId: person.id, changes: { person: personLabel(person), role: role.name } },
      added,
    );
    return { id: created.id };
  });
}
