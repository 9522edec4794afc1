import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customers, partnerCounters, users } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { asPartnerMember } from "@/tests/support/contexts";
import { rowsReferencingCustomer } from "@/tests/support/customer-references";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { fillWorkspace } from "@/tests/support/workspace-fixture";
import { DELETE_NAME_MISMATCH, deleteCustomer } from "./delete";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe("Delete account (rule U29)", () => {
  it("removes the customer and every row of its workspace in one go, and keeps the audit trail", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.growth.id, { externalId: "DEL-1" });
    const neighbour = await createCustomer(db, partner.id, plans.growth.id);
    const { member } = await fillWorkspace(db, partner.id, customer.id);
    await fillWorkspace(db, partner.id, neighbour.id);

    const before = await rowsReferencingCustomer(db, customer.id);
    // The fixture really fills every table that belongs to a customer, so that the check below means something.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
    const [counterBefore] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partner.id));

    const ctx = adminContext(partner, admin);
    expect(await deleteCustomer(ctx, { customerId: customer.id, confirmName: customer.name })).toEqual({ name: customer.name });

    const after = await rowsReferencingCustomer(db, customer.id);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await db.select().from(customers).where(eq(customers.id, customer.id))).toEqual([]);
    // The neighbour and the people stay; only the customer's data goes.
    expect(Object.values(await rowsReferencingCustomer(db, neighbour.id)).every((n) => n > 0)).toBe(true);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, member.id))).toHaveLength(1);
    const [counterAfter] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partner.id));
    expect(counterAfter!.customers).toBe(counterBefore!.customers - 1);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.customerId, customer.id));
    expect(events.map((event) => event.action)).toEqual(["customer.deleted"]);
    expect(events[0]).toMatchObject({ customerName: customer.name, changes: { name: customer.name, externalId: "DEL-1" } });
  });

  it("refuses a name that is not exactly the customer's, another partner's customer and a plain member, deleting nothing", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.growth.id, { name: "Initech Holdings" });
    const ctx = adminContext(acme.partner, acme.admin);

    const wrong = await deleteCustomer(ctx, { customerId: customer.id, confirmName: "initech holdings" }).catch((error: unknown) => error);
    expect(wrong).toMatchObject({ code: "VALIDATION", fieldErrors: { confirmName: [DELETE_NAME_MISMATCH] } });
    expect(await codeOf(deleteCustomer(adminContext(globex.partner, globex.admin), { customerId: customer.id, confirmName: customer.name }))).toBe("NOT_FOUND");
    expect(await codeOf(deleteCustomer(asPartnerMember(ctx), { customerId: customer.id, confirmName: customer.name }))).toBe("FORBIDDEN");

    expect(await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customer.id))).toHaveLength(1);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.customerId, customer.id))).toEqual([]);
  });
});
