import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apps, connections, customers, jobs, partnerCounters, recipes } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { createCustomer, createPartner } from "@/tests/support/factories";

describe("roll-ups kept by the database", () => {
  it("count customers per partner, connections per customer and tasks per billing period (rules U4, U5)", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const customer = await createCustomer(db, partner.id, plans.growth.id);
    await createCustomer(db, partner.id, plans.growth.id);
    const [counter] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partner.id));
    expect(counter?.customers).toBe(2);

    const [app] = await db.select({ id: apps.id }).from(apps).limit(1);
    const made = await db
      .insert(connections)
      .values([
        { partnerId: partner.id, customerId: customer.id, appId: app!.id, name: "a", authenticated: true },
        { partnerId: partner.id, customerId: customer.id, appId: app!.id, name: "b", authenticated: true },
        { partnerId: partner.id, customerId: customer.id, appId: app!.id, name: "c", authenticated: false },
      ])
      .returning({ id: connections.id });
    await db.update(connections).set({ authenticated: false }).where(eq(connections.id, made[0]!.id));
    await db.delete(connections).where(eq(connections.id, made[2]!.id));

    const [recipe] = await db.insert(recipes).values({ partnerId: partner.id, customerId: customer.id, name: "Sync" }).returning();
    const thisMonth = new Date();
    const lastMonth = new Date(Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - 1, 15));
    await db.insert(jobs).values([
      { partnerId: partner.id, customerId: customer.id, recipeId: recipe!.id, status: "succeeded", tasksUsed: 7, startedAt: thisMonth },
      { partnerId: partner.id, customerId: customer.id, recipeId: recipe!.id, status: "failed", tasksUsed: 5, startedAt: thisMonth },
    ]);
    await db
      .insert(jobs)
      .values({ partnerId: partner.id, customerId: customer.id, recipeId: recipe!.id, status: "succeeded", tasksUsed: 100, startedAt: lastMonth });

    const [after] = await db
      .select({ connectionsCount: customers.authenticatedConnections, tasks: customers.tasksUsed })
      .from(customers)
      .where(eq(customers.id, customer.id));
    expect(after).toEqual({ connectionsCount: 1, tasks: 12 });

    await db.delete(customers).where(eq(customers.id, customer.id));
    const [counterAfter] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partner.id));
    expect(counterAfter?.customers).toBe(1);
  });
});

describe("status counters (the Customers tab's unfiltered counts)", () => {
  it("follow plan and trial changes, inserts and deletes, and agree with a recount", async () => {
    const db = getDatabase();
    const { partner, plans } = await createPartner(db);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    const a = await createCustomer(db, partner.id, plans.starter.id, { trialEndsAt: inDays(10) });
    const b = await createCustomer(db, partner.id, plans.free.id);
    const c = await createCustomer(db, partner.id, plans.growth.id);
    await db.update(customers).set({ trialEndsAt: null }).where(eq(customers.id, a.id));
    await db.update(customers).set({ planId: plans.growth.id }).where(eq(customers.id, b.id));
    await db
      .update(customers)
      .set({ trialEndsAt: inDays(3), planId: plans.free.id })
      .where(eq(customers.id, c.id));
    await db
      .update(customers)
      .set({ trialEndsAt: inDays(20) })
      .where(eq(customers.id, c.id));
    await createCustomer(db, partner.id, plans.free.id, { trialEndsAt: inDays(-5) });
    await db.delete(customers).where(eq(customers.id, a.id));

    const [counters] = await db.select().from(partnerCounters).where(eq(partnerCounters.partnerId, partner.id));
    const recount = await db.execute<{ customers: number; trials: number; free: number }>(sql`
      select count(*)::int as customers, count(*) filter (where trial_ends_at is not null)::int as trials,
             count(*) filter (where trial_ends_at is null and plan_id = ${plans.free.id})::int as free
        from customers where partner_id = ${partner.id}`);
    expect(counters).toMatchObject({ customers: recount[0]!.customers, trials: recount[0]!.trials, freeWithoutTrial: recount[0]!.free });
    const days = await db.execute<{ day: string; customers: number }>(sql`
      select day::text, customers from partner_trial_end_days where partner_id = ${partner.id} and customers <> 0 order by day`);
    const expected = await db.execute<{ day: string; customers: number }>(sql`
      select (trial_ends_at at time zone 'UTC')::date::text as day, count(*)::int as customers from customers
       where partner_id = ${partner.id} and trial_ends_at is not null group by 1 order by 1`);
    expect([...days]).toEqual([...expected]);
  });
});
