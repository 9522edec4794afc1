import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerManagerCustomers, customerManagers, customerMembers, recipes, recipeVersions, roles } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { addDirectMember, createTeamMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { listWorkspaceMembers, workspaceMembership } from "@/lib/workspace-team/membership";
import { maySwitchInto } from "@/lib/workspace-access/switching";
import { assignCustomerManager } from "./assign";
import { editCustomerManager } from "./edit";
import { getCustomerManager, listCustomerManagers, listManagedCustomers } from "./list";
import { removeCustomerManager } from "./remove";

const { analyst: ANALYST, admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const admin = adminContext(acme.partner, acme.admin);
  const sam = await createTeamMember(db, acme.partner.id, { name: "Sam Patel" });
  const customers = [];
  for (const name of ["Contoso", "Umbrella", "Initech"]) {
    customers.push(await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: `${name} ${sam.id}` }));
  }
  const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
  return { db, acme, globex, admin, sam, customers: customers as [typeof foreign, typeof foreign, typeof foreign], foreign };
}

async function auditOf(partnerId: number, action: string) {
  return getDatabase()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.action, action)))
    .orderBy(auditEvents.id);
}

describe("assigning a customer manager", () => {
  it("makes a team member a member of each chosen workspace with the role, tagged as a manager (rules C3, C4, U17)", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const [contoso, umbrella, initech] = customers;
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [contoso.id, umbrella.id] });

    for (const customer of [contoso, umbrella]) {
      const members = await listWorkspaceMembers(db, acme.partner.id, customer.id);
      expect(members.find((member) => member.userId === sam.id)).toMatchObject({
        roleName: "Admin",
        source: "customer_manager",
        isCustomerManager: true,
      });
    }
    expect(await workspaceMembership(db, acme.partner.id, initech.id, sam.id)).toBeNull();
    // Memberships come from the assignment, not from rows of customer_members.
    expect(await db.select().from(customerMembers).where(eq(customerMembers.userId, sam.id))).toEqual([]);

    const [event] = await auditOf(acme.partner.id, "customer_manager.assign");
    expect(event).toMatchObject({ actingAs: "partner_admin", targetId: String(id), customerId: null });
    expect(event!.changes).toMatchObject({ role: { from: null, to: "Admin" }, customers: { from: null, to: "2 customers" } });
    const perCustomer = await auditOf(acme.partner.id, "customer_manager.workspace_added");
    expect(perCustomer.map((e) => e.customerId).sort()).toEqual([contoso.id, umbrella.id].sort());
  });

  it("refuses an unknown role, another partner's role, a person outside the team, and a second assignment (rules C2, C3)", async () => {
    const { db, globex, admin, sam, customers } = await setup();
    const [otherRole] = await db.insert(roles).values({ partnerId: globex.partner.id, name: "Globex role", kind: "inheritable" }).returning();
    const outsider = await createUser(db);
    const globexMember = await createTeamMember(db, globex.partner.id);
    const one = [customers[0].id];

    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: 999_999, customerIds: one })).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { roleId: expect.any(Array) },
    });
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: otherRole!.id, customerIds: one })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assignCustomerManager(admin, { userId: outsider.id, roleId: ADMIN, customerIds: one })).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { userId: expect.any(Array) },
    });
    await expect(assignCustomerManager(admin, { userId: globexMember.id, roleId: ADMIN, customerIds: one })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [] })).rejects.toMatchObject({ code: "VALIDATION" });

    await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: one });
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: OPERATOR, customerIds: one })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, sam.id))).toHaveLength(1);
  });

  it("writes nothing when one customer ID is another partner's: NOT_FOUND, like an unknown one (decision D8)", async () => {
    const { db, acme, admin, sam, customers, foreign } = await setup();
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id, foreign.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id, 2_000_000_000] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, sam.id))).toEqual([]);
    expect(await auditOf(acme.partner.id, "customer_manager.assign")).toEqual([]);
  });

  it("is refused to partner members, to an admin switched into a customer, and to another partner's admin", async () => {
    const { db, acme, globex, admin, sam, customers } = await setup();
    const member = personContext(acme.partner, await createTeamMember(db, acme.partner.id));
    const input = { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id] };
    await expect(assignCustomerManager(member, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignCustomerManager(insideCustomer(admin, customers[1]), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Globex's admin, crafting Acme's IDs: Sam is not on Globex's team, the customers are not Globex's.
    await expect(assignCustomerManager(adminContext(globex.partner, globex.admin), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, sam.id))).toEqual([]);
  });

  it("covers customers created later with Manage all customers, without a row per customer (rule C5)", async () => {
    const { db, acme, admin, sam, foreign } = await setup();
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: OPERATOR, customerIds: "all" });
    const later = await createCustomer(db, acme.partner.id, acme.plans.growth.id);
    expect(await workspaceMembership(db, acme.partner.id, later.id, sam.id)).toMatchObject({ roleName: "Operator", source: "customer_manager" });
    expect(await workspaceMembership(db, foreign.partnerId, foreign.id, sam.id)).toBeNull();
    expect(await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, id))).toEqual([]);
  });

  it("assigns 10,000 customers in one set-based insert, all or nothing", async () => {
    const { db, acme, admin, sam, foreign } = await setup();
    const created = await db.execute<{ id: number }>(sql`
      insert into customers (partner_id, plan_id, name, notification_email)
      select ${acme.partner.id}, ${acme.plans.starter.id}, 'Bulk ' || g, 'ops@example.test' from generate_series(1, 10000) g
      returning id`);
    const ids = created.map((row) => row.id);

    const refusedStart = performance.now();
    await expect(assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [...ids, foreign.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const refusedMs = performance.now() - refusedStart;
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, sam.id))).toEqual([]);

    const started = performance.now();
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: ids });
    const elapsedMs = performance.now() - started;
    const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from customer_manager_customers where customer_manager_id = ${id}`);
    expect(count!.n).toBe(10_000);
    console.log(`assigning 10,000 customers took ${elapsedMs.toFixed(0)} ms (refused: ${refusedMs.toFixed(0)} ms)`);
    expect(elapsedMs).toBeLessThan(20_000);
  });
});

describe("editing a customer manager", () => {
  it("adds and removes exactly the difference, changes the role, and audits old and new values (rule C9)", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const [contoso, umbrella, initech] = customers;
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [contoso.id, umbrella.id] });
    const [umbrellaRowBefore] = await db
      .select()
      .from(customerManagerCustomers)
      .where(and(eq(customerManagerCustomers.customerManagerId, id), eq(customerManagerCustomers.customerId, umbrella.id)));

    await editCustomerManager(admin, { id, roleId: ANALYST, customerIds: [umbrella.id, initech.id] });

    const rows = await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, id));
    expect(rows.map((row) => row.customerId).sort()).toEqual([umbrella.id, initech.id].sort());
    // The kept row is the same row: only the difference was written.
    expect(rows.find((row) => row.customerId === umbrella.id)).toEqual(umbrellaRowBefore);
    expect(await workspaceMembership(db, acme.partner.id, contoso.id, sam.id)).toBeNull();
    expect(await workspaceMembership(db, acme.partner.id, initech.id, sam.id)).toMatchObject({ roleName: "Analyst" });

    const [event] = await auditOf(acme.partner.id, "customer_manager.update");
    expect(event!.changes).toMatchObject({
      role: { from: "Admin", to: "Analyst" },
      customers: { from: "2 customers", to: "2 customers" },
      customersAdded: [initech.name],
      customersRemoved: [contoso.name],
    });
    expect((await auditOf(acme.partner.id, "customer_manager.workspace_removed")).map((e) => e.customerId)).toEqual([contoso.id]);
  });

  it("switches between chosen customers and all of them, keeping no rows for all", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id] });
    await editCustomerManager(admin, { id, roleId: ADMIN, customerIds: "all" });
    expect(await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, id))).toEqual([]);
    expect(await workspaceMembership(db, acme.partner.id, customers[2].id, sam.id)).not.toBeNull();

    await editCustomerManager(admin, { id, roleId: ADMIN, customerIds: [customers[1].id] });
    expect(await workspaceMembership(db, acme.partner.id, customers[2].id, sam.id)).toBeNull();
    expect(await workspaceMembership(db, acme.partner.id, customers[1].id, sam.id)).not.toBeNull();
    const [manager] = await db.select().from(customerManagers).where(eq(customerManagers.id, id));
    expect(manager!.manageAll).toBe(false);
  });

  it("refuses another partner's manager and foreign customers, changing nothing (decision D8)", async () => {
    const { db, globex, admin, sam, customers, foreign } = await setup();
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id] });
    await expect(editCustomerManager(admin, { id, roleId: ADMIN, customerIds: [foreign.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(editCustomerManager(adminContext(globex.partner, globex.admin), { id, roleId: ADMIN, customerIds: [foreign.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getCustomerManager(adminContext(globex.partner, globex.admin), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, id));
    expect(rows.map((row) => row.customerId)).toEqual([customers[0].id]);
  });
});

describe("role precedence (rule C12)", () => {
  it("lets a direct Operator invitation win over the manager's Admin at every moment, and Admin return when it goes", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const [contoso] = customers;
    await addDirectMember(db, acme.partner.id, contoso.id, sam.id, OPERATOR);
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [contoso.id] });
    expect(await workspaceMembership(db, acme.partner.id, contoso.id, sam.id)).toMatchObject({
      roleName: "Operator",
      source: "direct",
      managerRoleName: "Admin",
    });

    await editCustomerManager(admin, { id, roleId: ANALYST, customerIds: [contoso.id] });
    expect(await workspaceMembership(db, acme.partner.id, contoso.id, sam.id)).toMatchObject({ roleName: "Operator", managerRoleName: "Analyst" });

    await db.delete(customerMembers).where(and(eq(customerMembers.customerId, contoso.id), eq(customerMembers.userId, sam.id)));
    expect(await workspaceMembership(db, acme.partner.id, contoso.id, sam.id)).toMatchObject({ roleName: "Analyst", source: "customer_manager" });
  });
});

describe("removing a customer manager", () => {
  it("takes away only the manager memberships, keeps direct invitations and the work done (rules C10, C11)", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const [contoso, umbrella] = customers;
    await addDirectMember(db, acme.partner.id, umbrella.id, sam.id, OPERATOR);
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [contoso.id, umbrella.id] });
    const [recipe] = await db.insert(recipes).values({ partnerId: acme.partner.id, customerId: contoso.id, name: "Sync" }).returning();
    await db.insert(recipeVersions).values({
      partnerId: acme.partner.id,
      customerId: contoso.id,
      recipeId: recipe!.id,
      version: 1,
      modifiedById: sam.id,
      modifiedAs: "customer_manager",
    });
    const asSam = personContext(acme.partner, sam);
    expect(await maySwitchInto(db, asSam, contoso.id)).toBe(true);

    await removeCustomerManager(admin, { id });

    expect(await db.select().from(customerManagers).where(eq(customerManagers.id, id))).toEqual([]);
    expect(await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, id))).toEqual([]);
    expect(await maySwitchInto(db, asSam, contoso.id)).toBe(false);
    expect(await workspaceMembership(db, acme.partner.id, umbrella.id, sam.id)).toMatchObject({
      roleName: "Operator",
      source: "direct",
      isCustomerManager: false,
    });
    const [version] = await db.select().from(recipeVersions).where(eq(recipeVersions.recipeId, recipe!.id));
    expect(version).toMatchObject({ modifiedById: sam.id, modifiedAs: "customer_manager" });

    const [event] = await auditOf(acme.partner.id, "customer_manager.remove");
    expect(event!.changes).toMatchObject({ role: { from: "Admin", to: null }, customers: { from: "2 customers", to: null } });
    expect((await auditOf(acme.partner.id, "customer_manager.workspace_removed")).map((e) => e.customerId).sort()).toEqual([contoso.id, umbrella.id].sort());
  });

  it("answers NOT_FOUND for another partner's manager and a member's request is forbidden", async () => {
    const { db, acme, globex, admin, sam, customers } = await setup();
    const { id } = await assignCustomerManager(admin, { userId: sam.id, roleId: ADMIN, customerIds: [customers[0].id] });
    await expect(removeCustomerManager(adminContext(globex.partner, globex.admin), { id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeCustomerManager(personContext(acme.partner, sam), { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.id, id))).toHaveLength(1);
  });
});

describe("the managers table", () => {
  it("lists managers by name with their first customers and a count, searchable by name or email (rule C1)", async () => {
    const { db, acme, admin, sam, customers } = await setup();
    const zoe = await createTeamMember(db, acme.partner.id, { name: "Zoe Adams" });
    const amy = await createTeamMember(db, acme.partner.id, { name: "amy Brown" });
    await assignCustomerManager(admin, { userId: zoe.id, roleId: ADMIN, customerIds: "all" });
    await assignCustomerManager(admin, { userId: sam.id, roleId: OPERATOR, customerIds: customers.map((c) => c.id) });
    await assignCustomerManager(admin, { userId: amy.id, roleId: ANALYST, customerIds: [customers[2].id] });

    const rows = await listCustomerManagers(admin, { q: "" });
    expect(rows.map((row) => row.user.name)).toEqual(["amy Brown", "Sam Patel", "Zoe Adams"]);
    const samRow = rows[1]!;
    expect(samRow.customerCount).toBe(3);
    expect(samRow.firstCustomers.map((c) => c.name)).toEqual(customers.map((c) => c.name).sort((a, b) => a.localeCompare(b)));
    expect(rows[2]).toMatchObject({ manageAll: true, customerCount: 0, firstCustomers: [] });

    expect((await listCustomerManagers(admin, { q: "ZOE" })).map((row) => row.user.id)).toEqual([zoe.id]);
    expect((await listCustomerManagers(admin, { q: sam.email.slice(0, 8) })).map((row) => row.user.id)).toEqual([sam.id]);
    expect(await listCustomerManagers(admin, { q: "%" })).toEqual([]);

    const full = await listManagedCustomers(admin, samRow.id, { q: customers[1].name });
    expect(full).toMatchObject({ total: 1, customers: [{ id: customers[1].id }] });
  });
});
