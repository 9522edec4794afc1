import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { createCustomer, createPartner } from "@/tests/support/factories";
import { flagEndedTrials } from "./trial-ended";
import { DAY_MS } from "@/lib/time";

describe("the ended-trial flag (an index hint for the status tabs, decision D2)", () => {
  it("is set when a past trial end is written, cleared when a trial is extended, and caught up by the job", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const flag = async (id: number) => (await db.select({ ended: customers.trialEnded }).from(customers).where(eq(customers.id, id)))[0]!.ended;
    const ended = await createCustomer(db, partner.id, plans.starter.id, { trialEndsAt: new Date(Date.now() - DAY_MS) });
    const running = await createCustomer(db, partner.id, plans.starter.id, { trialEndsAt: new Date(Date.now() + 3 * DAY_MS) });
    const none = await createCustomer(db, partner.id, plans.starter.id);
    expect([await flag(ended.id), await flag(running.id), await flag(none.id)]).toEqual([true, false, false]);

    await db
      .update(customers)
      .set({ trialEndsAt: new Date(Date.now() + 10 * DAY_MS) })
      .where(eq(customers.id, ended.id));
    expect(await flag(ended.id)).toBe(false);

    expect(await flagEndedTrials(new Date(Date.now() + 5 * DAY_MS))).toBeGreaterThanOrEqual(1);
    expect([await flag(ended.id), await flag(running.id), await flag(none.id)]).toEqual([false, true, false]);
  });
});
