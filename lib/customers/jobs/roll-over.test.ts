import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { createCustomer, createPartner } from "@/tests/support/factories";
import { rollOverBillingPeriods } from "./roll-over";

describe("billing period roll-over (rule U4)", () => {
  it("starts a new month at zero tasks, and leaves the current month alone", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const old = await createCustomer(db, partner.id, plans.starter.id, { tasksUsed: 80, usagePeriod: "2026-05-01" });
    const current = await createCustomer(db, partner.id, plans.starter.id, { tasksUsed: 30, usagePeriod: "2026-06-01" });
    await rollOverBillingPeriods(new Date("2026-06-10T00:00:00Z"));
    const read = async (id: number) =>
      (await db.select({ tasks: customers.tasksUsed, period: customers.usagePeriod }).from(customers).where(eq(customers.id, id)))[0];
    expect(await read(old.id)).toEqual({ tasks: 0, period: "2026-06-01" });
    expect(await read(current.id)).toEqual({ tasks: 30, period: "2026-06-01" });
  });
});
