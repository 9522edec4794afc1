/**
 * The digest the fuzz suites compare after every refused request: it must move when any of the partner's rows
 * changes (a customer, an audit event) and only for that partner.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { partnerDigest, partnerRowsByTable } from "@/tests/support/partner-digest";

describe("partnerDigest", () => {
  it("changes with any of the partner's rows, audit events included, and never with another partner's", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const before = { acme: await partnerDigest(db, acme.partner.id), globex: await partnerDigest(db, globex.partner.id) };
    expect(await partnerDigest(db, acme.partner.id)).toBe(before.acme);
    expect(Object.keys(await partnerRowsByTable(db, acme.partner.id))).toEqual(expect.arrayContaining(["customers", "plans", "partners"]));

    await db
      .update(customers)
      .set({ name: `${customer.name}!` })
      .where(eq(customers.id, customer.id));
    const renamed = await partnerDigest(db, acme.partner.id);
    expect(renamed).not.toBe(before.acme);
    expect(await partnerDigest(db, globex.partner.id)).toBe(before.globex);

    const ctx = adminContext(acme.partner, acme.admin);
    await inPartnerScope(ctx, (tx) => recordAudit(tx, ctx, { action: "customer.viewed", targetType: "customer", targetId: customer.id }));
    expect(await partnerDigest(db, acme.partner.id)).not.toBe(renamed);
    expect(await partnerDigest(db, globex.partner.id)).toBe(before.globex);
  });
});
