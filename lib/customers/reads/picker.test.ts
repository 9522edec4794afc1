import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { searchCustomerOptions } from "./picker";

describe("the customer picker's server search", () => {
  it("finds the first 20 by name, for common terms and for rare ones late in the alphabet", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    // 2,500 customers named "Alpha 0001"…, then 30 "Zulu Granite" ones that sort after all of them.
    await db.execute(sql`
      insert into customers (partner_id, plan_id, name, notification_email)
      select ${partner.id}, ${plans.starter.id}, 'Alpha ' || lpad(g::text, 4, '0'), 'ops@example.test' from generate_series(1, 2500) g`);
    await db.execute(sql`
      insert into customers (partner_id, plan_id, name, notification_email, external_id)
      select ${partner.id}, ${plans.starter.id}, 'Zulu Granite ' || lpad(g::text, 2, '0'), 'ops@example.test', 'GR-' || g
        from generate_series(1, 30) g`);
    const ctx = adminContext(partner, admin);
    const names = async (q: string) => (await searchCustomerOptions(ctx, { q })).map((c) => c.name);

    expect(await names("alpha")).toEqual(Array.from({ length: 20 }, (_, i) => `Alpha ${String(i + 1).padStart(4, "0")}`));
    expect(await names("GRANITE")).toEqual(Array.from({ length: 20 }, (_, i) => `Zulu Granite ${String(i + 1).padStart(2, "0")}`));
    expect(await names("gr-7")).toEqual(["Zulu Granite 07"]);
    expect(await names("")).toHaveLength(20);
    expect(await names("nothing like it")).toEqual([]);
  });

  it("matches %, _ and \\ literally, never across name and external ID, and never another partner's customers", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const percent = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "100% Pure", externalId: "X_1" });
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "1000 Pure", externalId: "X91" });
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Back\\slash" });
    await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "100% Pure Globex" });
    const ctx = adminContext(acme.partner, acme.admin);
    const names = async (q: string) => (await searchCustomerOptions(ctx, { q })).map((c) => c.name);
    expect(await names("0%")).toEqual([percent.name]);
    expect(await names("x_1")).toEqual([percent.name]);
    expect(await names("k\\s")).toEqual(["Back\\slash"]);
    // The name ends in "pure" and the external ID starts with "x": no match across the two.
    expect(await names("purex")).toEqual([]);
  });
});
