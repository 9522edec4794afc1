import "server-only";
import { and, eq } from "drizzle-orm";
import { customerManagers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { recordAuditForCustomers } from "@/lib/audit/record-many";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { NO_CUSTOMERS_MESSAGE } from "./assign";
import { describeSelection, personLabel, requireManagerForUpdate, requireManagerRole } from "./lookups";
import { addManagedCustomers, customerNamesForAudit, managedCustomerIds, removeManagedCustomers } from "./managed-customers";
import type { CustomerSelection } from "./schema";
import { authorize } from "@/lib/authorization/authorize";

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
  await authorize(ctx, "customer_managers.write");
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

    const unchanged = role.id === manager.roleId && manager.manageAll === (after === "all");
    if (unchanged && added.length === 0 && removed.length === 0) return { id: manager.id };

    await tx
      .update(customerManagers)
      .set({ roleId: role.id, manageAll: after === "all", updatedAt: ctx.now })
      .where(and(eq(customerManagers.id, manager.id), eq(customerManagers.partnerId, ctx.partnerId)));

    await recordManagerChange(tx, ctx, { manager, role, before, after, added, removed });
    return { id: manager.id };
  });
}

type Manager = Awaited<ReturnType<typeof requireManagerForUpdate>>;

/**
 * The audit events of a change to a manager: one for the manager (role, customers from and to, the names added and
 * removed) and, when a list of customers changed into another list, one in each customer's Activity.
 */
async function recordManagerChange(
  tx: Transaction,
  ctx: RequestContext,
  change: { manager: Manager; role: { id: number; name: string }; before: CustomerSelection; after: CustomerSelection; added: number[]; removed: number[] },
): Promise<void> {
  const { manager, role, before, after, added, removed } = change;
  const roleChanged = role.id !== manager.roleId;
  const scopeChanged = manager.manageAll !== (after === "all");
  // Customers that gained or lost access one by one; a change to or from "all" is told by the summary alone.
  const listToList = before !== "all" && after !== "all";
  const person = personLabel(manager.person);
  await recordAudit(tx, ctx, {
    action: "customer_manager.update",
    targetType: "customer_manager",
    targetId: manager.id,
    changes: {
      person,
      ...(roleChanged ? { role: { from: manager.roleName, to: role.name } } : {}),
      ...(scopeChanged || added.length > 0 || removed.length > 0 ? { customers: { from: describeSelection(before), to: describeSelection(after) } } : {}),
      ...(listToList && added.length > 0 ? { customersAdded: await customerNamesForAudit(tx, ctx, added) } : {}),
      ...(listToList && removed.length > 0 ? { customersRemoved: await customerNamesForAudit(tx, ctx, removed) } : {}),
    },
  });
  if (listToList) {
    const target = { targetType: "user", targetId: manager.person.id };
    await recordAuditForCustomers(tx, ctx, { action: "customer_manager.workspace_added", ...target, changes: { person, role: role.name } }, added);
    await recordAuditForCustomers(tx, ctx, { action: "customer_manager.workspace_removed", ...target, changes: { person, role: manager.roleName } }, removed);
  }
}

export const MANAGES_ALL_MESSAGE = "This customer manager manages all customers: edit the manager to choose customers instead.";

/** A manager that manages chosen customers (not all), locked for a change of them. */
export async function requireManagerOfChosenCustomers(tx: Transaction, ctx: RequestContext, managerId: number): Promise<Manager> {
  const manager = await requireManagerForUpdate(tx, ctx, managerId);
  if (manager.manageAll) throw invalid(MANAGES_ALL_MESSAGE, { customerManagerId: [MANAGES_ALL_MESSAGE] });
  return manager;
}

/**
 * Adds customers to, or removes them from, a manager's chosen customers (a bulk job's batch), with the events
 * Edit customer manager writes for the same change. `customerIds` must be the partner's customers. Answers the IDs
 * whose access changed.
 */
export async function adjustManagedCustomers(
  tx: Transaction,
  ctx: RequestContext,
  managerId: number,
  change: { add: readonly number[] } | { remove: readonly number[] },
): Promise<number[]> {
  const manager = await requireManagerOfChosenCustomers(tx, ctx, managerId);
  const before = await managedCustomerIds(tx, ctx, manager.id);
  let added: number[] = [];
  let removed: number[] = [];
  if ("add" in change) {
    added = await addManagedCustomers(tx, ctx, manager.id, change.add);
  } else {
    const leaving = new Set(change.remove);
    removed = await removeManagedCustomers(
      tx,
      ctx,
      manager.id,
      before.filter((id) => !leaving.has(id)),
    );
  }
  if (added.length === 0 && removed.length === 0) return [];
  const gone = new Set(removed);
  const after = [...before.filter((id) => !gone.has(id)), ...added];
  await tx
    .update(customerManagers)
    .set({ updatedAt: ctx.now })
    .where(and(eq(customerManagers.id, manager.id), eq(customerManagers.partnerId, ctx.partnerId)));
  await recordManagerChange(tx, ctx, { manager, role: { id: manager.roleId, name: manager.roleName }, before, after, added, removed });
  return [...added, ...removed];
}
