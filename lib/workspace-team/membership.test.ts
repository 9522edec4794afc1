import { describe, expect, it } from "vitest";
import { customerManagerCustomers, customerManagers, customerMembers, partnerMembers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { listWorkspaceMembers, workspaceMembership } from "./membership";
import { maySwitchInto } from "@/lib/workspace-access/switching";

const ADMIN = 2;
const OPERATOR = 3;

describe("workspace membership", () => {
  it("gives a person one role: a direct invitation wins over the customer-manager role (rule C12, decision D7)", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.starter.id);
    const manager = await createUser(db, { name: "Morgan" });
    await db.insert(partnerMembers).values({ partnerId: partner.id, userId: manager.id, role: "member" });
    const [assignment] = await db.insert(customerManagers).values({ partnerId: partner.id, userId: manager.id, roleId: ADMIN }).returning();
    await db.insert(customerManagerCustomers).values({ partnerId: partner.id, customerManagerId: assignment!.id, customerId: customer.id });

    expect(await workspaceMembership(db, partner.id, customer.id, manager.id)).toMatchObject({
      roleName: "Admin",
      source: "customer_manager",
      isCustomerManager: true,
    });

    await db.insert(customerMembers).values({ partnerId: partner.id, customerId: customer.id, userId: manager.id, roleId: OPERATOR });
    expect(await workspaceMembership(db, partner.id, customer.id, manager.id)).toMatchObject({
      roleName: "Operator",
      source: "direct",
      isCustomerManager: true,
      managerRoleName: "Admin",
    });
    const members = await listWorkspaceMembers(db, partner.id, customer.id);
    expect(members.filter((member) => member.userId === manager.id)).toHaveLength(1);
  });

  it("lets a manager of all customers into customers created later, and nobody into another partner's (rules C5, U18)", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const manager = await createUser(db);
    const outsider = await createUser(db);
    await db.insert(partnerMembers).values([
      { partnerId: acme.partner.id, userId: manager.id, role: "member" },
      { partnerId: acme.partner.id, userId: outsider.id, role: "member" },
    ]);
    await db.insert(customerManagers).values({ partnerId: acme.partner.id, userId: manager.id, roleId: ADMIN, manageAll: true });
    const later = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);

    const asManager = { ...adminContext(acme.partner, manager), actor: { ...adminContext(acme.partner, manager).actor, partnerRole: "member" as const } };
    const asOutsider = { ...adminContext(acme.partner, outsider), actor: { ...adminContext(acme.partner, outsider).actor, partnerRole: "member" as const } };
    expect(await maySwitchInto(db, asManager, later.id)).toBe(true);
    expect(await maySwitchInto(db, asOutsider, later.id)).toBe(false);
    // Being the partner's admin is no way in (rule U18: "and to no one else").
    expect(await maySwitchInto(db, adminContext(acme.partner, acme.admin), later.id)).toBe(false);
    expect(await maySwitchInto(db, adminContext(acme.partner, acme.admin), foreign.id)).toBe(false);
    expect(await maySwitchInto(db, asManager, foreign.id)).toBe(false);
    expect(await listWorkspaceMembers(db, acme.partner.id, foreign.id)).toEqual([]);
  });
});
