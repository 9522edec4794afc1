import { describe, expect, it } from "vitest";
import { customerManagerCustomers, customerManagers, customerMembers, partnerMembers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { asPartnerMember, makeManager } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { listCollaborators } from "@/lib/workspace-team/collaborators";
import { getCustomerHeader } from "./customer-page";
import { listWhoCanEnter } from "@/lib/workspace-team/who-can-enter";

const ADMIN_ROLE = 2;
const OPERATOR_ROLE = 3;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const managed = await createCustomer(db, acme.partner.id, acme.plans.growth.id, { externalId: "A2300" });
  const unmanaged = await createCustomer(db, acme.partner.id, acme.plans.growth.id);
  const morgan = await createUser(db, { name: "Morgan Lee" });
  const sam = await createUser(db, { name: "Sam Patel" });
  const casey = await createUser(db, { name: "Casey Nguyen" });
  await db.insert(partnerMembers).values([
    { partnerId: acme.partner.id, userId: morgan.id, role: "member" },
    { partnerId: acme.partner.id, userId: sam.id, role: "member" },
  ]);
  const [assignment] = await db.insert(customerManagers).values({ partnerId: acme.partner.id, userId: morgan.id, roleId: ADMIN_ROLE }).returning();
  await db.insert(customerManagerCustomers).values({ partnerId: acme.partner.id, customerManagerId: assignment!.id, customerId: managed.id });
  await db.insert(customerMembers).values({ partnerId: acme.partner.id, customerId: managed.id, userId: casey.id, roleId: ADMIN_ROLE });
  return { db, acme, globex, managed, unmanaged, morgan, sam, casey };
}

describe("the customer page header", () => {
  it("offers Switch to this account to the customer's managers only, and a partner admin the way to become one (rule U18)", async () => {
    const { db, acme, managed, unmanaged, morgan, sam } = await setup();
    const admin = adminContext(acme.partner, acme.admin);
    const asMorgan = asPartnerMember(adminContext(acme.partner, morgan));
    const asSam = asPartnerMember(adminContext(acme.partner, sam));
    expect(await getCustomerHeader(admin, managed.id)).toMatchObject({ maySwitch: false, selfAssignment: { kind: "assign" } });
    expect(await getCustomerHeader(admin, unmanaged.id)).toMatchObject({ maySwitch: false, selfAssignment: { kind: "assign" } });
    expect(await getCustomerHeader(asMorgan, managed.id)).toMatchObject({ maySwitch: true, selfAssignment: null });
    expect(await getCustomerHeader(asMorgan, unmanaged.id)).toMatchObject({ maySwitch: false, selfAssignment: null });
    expect(await getCustomerHeader(asSam, managed.id)).toMatchObject({ maySwitch: false, selfAssignment: null });

    const assignment = await makeManager(db, acme.partner.id, acme.admin.id, ADMIN_ROLE, [managed.id]);
    expect(await getCustomerHeader(admin, managed.id)).toMatchObject({ maySwitch: true, selfAssignment: null });
    expect(await getCustomerHeader(admin, unmanaged.id)).toMatchObject({ maySwitch: false, selfAssignment: { kind: "edit", managerId: assignment.id } });
  });

  it("shows name, external ID, plan, derived status and date joined; another partner's customer is NOT_FOUND (rule U26, decision D8)", async () => {
    const { acme, globex, managed } = await setup();
    expect(await getCustomerHeader(adminContext(acme.partner, acme.admin), managed.id)).toMatchObject({
      id: managed.id,
      name: managed.name,
      externalId: "A2300",
      planName: "Growth",
      status: "active",
      createdAt: managed.createdAt,
    });
    await expect(getCustomerHeader(adminContext(globex.partner, globex.admin), managed.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the Collaborators tab (rules U17, C12, decision D7)", () => {
  it("lists every member with the effective role, tagging customer managers and preferring a direct role", async () => {
    const { db, acme, globex, managed, morgan, casey } = await setup();
    const admin = adminContext(acme.partner, acme.admin);
    expect((await listCollaborators(admin, managed.id)).map((m) => [m.name, m.roleName, m.source, m.isCustomerManager])).toEqual([
      ["Casey Nguyen", "Admin", "direct", false],
      ["Morgan Lee", "Admin", "customer_manager", true],
    ]);

    await db.insert(customerMembers).values({ partnerId: acme.partner.id, customerId: managed.id, userId: morgan.id, roleId: OPERATOR_ROLE });
    const both = (await listCollaborators(admin, managed.id)).find((member) => member.userId === morgan.id);
    expect(both).toMatchObject({ roleName: "Operator", source: "direct", isCustomerManager: true, managerRoleName: "Admin" });
    expect((await listCollaborators(admin, managed.id)).filter((member) => member.userId === casey.id)).toHaveLength(1);
    await expect(listCollaborators(adminContext(globex.partner, globex.admin), managed.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Who can enter this account (rules U18, C6)", () => {
  it("names the managers who cover the customer with role and scope, and its own collaborators with their role", async () => {
    const { db, acme, globex, managed, unmanaged, casey } = await setup();
    const admin = adminContext(acme.partner, acme.admin);
    const all = await createUser(db, { name: "Alex All" });
    await db.insert(partnerMembers).values({ partnerId: acme.partner.id, userId: all.id, role: "member" });
    await db.insert(customerManagers).values({ partnerId: acme.partner.id, userId: all.id, roleId: OPERATOR_ROLE, manageAll: true });

    const people = await listWhoCanEnter(admin, managed.id);
    expect(people.managers.map((m) => [m.name, m.roleName, m.scope])).toEqual([
      ["Alex All", "Operator", "all"],
      ["Morgan Lee", "Admin", { chosen: 1 }],
    ]);
    expect(people.collaborators).toEqual([{ userId: casey.id, name: "Casey Nguyen", email: casey.email, roleName: "Admin" }]);
    // The partner admin is not on it: it cannot enter.
    expect(people.managers.map((m) => m.userId)).not.toContain(acme.admin.id);
    expect((await listWhoCanEnter(admin, unmanaged.id)).managers.map((m) => m.name)).toEqual(["Alex All"]);
    await expect(listWhoCanEnter(adminContext(globex.partner, globex.admin), managed.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
