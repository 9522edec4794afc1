/**
 * Two admins saving **Edit customer manager** for the same manager at the same moment (rule C9): the manager ends
 * in the state one of them saved, never a mix of the two (one's role with the other's customers, or both lists
 * merged). On PostgreSQL both saves are held until each waits on the other, so they truly overlap.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerManagerCustomers, customerManagers } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { concurrently } from "@/tests/support/concurrency";
import { createManager, createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { editCustomerManager } from "./edit";
import type { CustomerSelection } from "./schema";

const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const [c1, c2, c3, c4] = await Promise.all([1, 2, 3, 4].map(() => createCustomer(db, acme.partner.id, acme.plans.starter.id)));
  const { assignment } = await createManager(db, acme.partner.id, ADMIN, [c1!.id]);
  const secondAdmin = await createTeamMember(db, acme.partner.id, { role: "admin", name: "Second Admin" });
  return {
    db,
    acme,
    customers: [c1!.id, c2!.id, c3!.id, c4!.id],
    managerId: assignment.id,
    first: adminContext(acme.partner, acme.admin),
    second: adminContext(acme.partner, secondAdmin),
  };
}

async function stateOf(managerId: number) {
  const db = getDatabase();
  const [manager] = await db
    .select({ roleId: customerManagers.roleId, manageAll: customerManagers.manageAll })
    .from(customerManagers)
    .where(eq(customerManagers.id, managerId));
  const rows = await db
    .select({ customerId: customerManagerCustomers.customerId })
    .from(customerManagerCustomers)
    .where(eq(customerManagerCustomers.customerManagerId, managerId))
    .orderBy(asc(customerManagerCustomers.customerId));
  return { roleId: manager!.roleId, manageAll: manager!.manageAll, customerIds: rows.map((row) => row.customerId) };
}

/** The state a save of `roleId` and `selection` leaves, as stateOf reads it. */
function expected(roleId: number, selection: CustomerSelection) {
  return selection === "all" ? { roleId, manageAll: true, customerIds: [] } : { roleId, manageAll: false, customerIds: [...selection].sort((a, b) => a - b) };
}

describe("two admins editing the same customer manager at once (rule C9)", () => {
  it.each([
    {
      label: "two lists of customers, two roles",
      first: (c: number[]) => ({ roleId: OPERATOR, selection: [c[1]!, c[2]!] }),
      second: (c: number[]) => ({ roleId: ADMIN, selection: [c[0]!, c[3]!] }),
    },
    {
      label: "Manage all customers against a list",
      first: () => ({ roleId: OPERATOR, selection: "all" as const }),
      second: (c: number[]) => ({ roleId: ADMIN, selection: [c[2]!, c[3]!] }),
    },
  ])("ends in exactly one of the two saved states, never a mix: $label", async ({ first, second }) => {
    const { acme, customers, managerId, first: firstAdmin, second: secondAdmin } = await setup();
    const a = first(customers);
    const b = second(customers);
    const results = await concurrently(
      [
        () => editCustomerManager(firstAdmin, { id: managerId, roleId: a.roleId, customerIds: a.selection }),
        () => editCustomerManager(secondAdmin, { id: managerId, roleId: b.roleId, customerIds: b.selection }),
      ],
      { table: "customer_managers", id: managerId },
    );
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : result.status))).toEqual(["fulfilled", "fulfilled"]);

    const final = await stateOf(managerId);
    expect([expected(a.roleId, a.selection), expected(b.roleId, b.selection)]).toContainEqual(final);
    // Both saves happened, one after the other: each is in the trail.
    const events = await getDatabase()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "customer_manager.update"), eq(auditEvents.targetId, String(managerId))));
    expect(events).toHaveLength(2);
  });
});
