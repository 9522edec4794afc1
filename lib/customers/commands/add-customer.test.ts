import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customers, environments } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { adminContext, createPartner } from "@/tests/support/factories";
import { addCustomer } from "./add-customer";
import { addCustomerSchema, EXTERNAL_ID_TAKEN } from "@/lib/customers/add-customer-input";

const values = (overrides: Record<string, unknown> = {}) =>
  addCustomerSchema.parse({ name: "Nutech", notificationEmail: "ops@nutech.example", planId: 0, externalId: "", ...overrides });

describe("addCustomer (rule U14)", () => {
  it("creates the customer with its environments and an audit event, in one transaction", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const created = await addCustomer(adminContext(partner, admin), values({ planId: plans.growth.id, externalId: "CRM-1" }));
    const [row] = await db.select().from(customers).where(eq(customers.id, created.id));
    expect(row).toMatchObject({ partnerId: partner.id, name: "Nutech", externalId: "CRM-1", planId: plans.growth.id, trialEndsAt: null });
    expect(await db.select().from(environments).where(eq(environments.customerId, created.id))).toHaveLength(3);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "customer.created")));
    expect(event).toMatchObject({ customerId: created.id, actorUserId: admin.id, actingAs: "partner_admin" });
    expect(event!.changes).toMatchObject({ name: { from: null, to: "Nutech" }, externalId: { to: "CRM-1" } });
  });

  it("refuses a duplicate external ID with a field error and writes nothing, even for concurrent requests", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const ctx = adminContext(partner, admin);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, index) => addCustomer(ctx, values({ name: `Racer ${index}`, planId: plans.starter.id, externalId: "SAME" }))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "CONFLICT", fieldErrors: { externalId: [EXTERNAL_ID_TAKEN] } });
    }
    const rows = await db.select({ id: customers.id }).from(customers).where(eq(customers.partnerId, partner.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses another partner's plan or the Free plan as if it did not exist", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const ctx = adminContext(acme.partner, acme.admin);
    await expect(addCustomer(ctx, values({ planId: globex.plans.growth.id }))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(addCustomer(ctx, values({ planId: acme.plans.free.id }))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.select().from(customers).where(eq(customers.partnerId, acme.partner.id))).toHaveLength(0);
  });

  it("validates in the schema shared with the browser: required name, valid email, a plan", () => {
    const result = addCustomerSchema.safeParse({ name: " ", notificationEmail: "not-an-email", planId: "" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "notificationEmail", "planId"]));
  });
});
