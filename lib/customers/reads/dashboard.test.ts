import { describe, expect, it } from "vitest";
import { jobs, recipes } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { getCustomerDashboard } from "./dashboard";
import { dashboardPeriodParam } from "./dashboard-period";

const HOUR_MS = 3_600_000;

describe("the customer dashboard (rule U16)", () => {
  it("counts running recipes, jobs and rates in the chosen period only, for this customer only", async () => {
    const db = getDatabase();
    const { partner, plans, admin } = await createPartner(db);
    const now = new Date(Date.UTC(2026, 5, 20, 12));
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
    const customer = await createCustomer(db, partner.id, plans.growth.id, { usagePeriod: "2026-06-01" });
    const other = await createCustomer(db, partner.id, plans.growth.id);
    const [sync, export_, old] = await db
      .insert(recipes)
      .values([
        { partnerId: partner.id, customerId: customer.id, name: "Sync accounts", status: "running" },
        { partnerId: partner.id, customerId: customer.id, name: "Nightly export", status: "running" },
        { partnerId: partner.id, customerId: customer.id, name: "Archive tickets", status: "stopped" },
      ])
      .returning();
    const [elsewhere] = await db.insert(recipes).values({ partnerId: partner.id, customerId: other.id, name: "Other", status: "running" }).returning();
    const job = (recipeId: number, status: "succeeded" | "failed", hoursAgo: number, tasksUsed = 2) => ({
      partnerId: partner.id,
      customerId: recipeId === elsewhere!.id ? other.id : customer.id,
      recipeId,
      status,
      tasksUsed,
      startedAt: ago(hoursAgo),
    });
    await db.insert(jobs).values([
      job(sync!.id, "succeeded", 1),
      job(sync!.id, "succeeded", 2),
      job(sync!.id, "failed", 23.5),
      job(export_!.id, "succeeded", 5),
      job(sync!.id, "succeeded", 30),
      job(old!.id, "failed", 100),
      job(old!.id, "failed", 24 * 8), // outside 7 days
      job(sync!.id, "succeeded", -1), // in the future of the clock: not yet
      job(elsewhere!.id, "failed", 1),
    ]);

    const ctx = adminContext(partner, admin, now);
    const day = await getCustomerDashboard(ctx, customer.id, "24h");
    expect(day.recipes).toEqual({ total: 3, running: 2 });
    expect(day.jobs).toEqual({ succeeded: 3, failed: 1 });
    expect(day.successRate).toBe(0.75);
    expect(day.errorRate).toBe(0.25);
    expect(day.recipeActivity.map((r) => [r.name, r.status, r.succeeded, r.failed])).toEqual([
      ["Archive tickets", "stopped", 0, 0],
      ["Nightly export", "running", 1, 0],
      ["Sync accounts", "running", 2, 1],
    ]);
    // Whole hours: 12:00 yesterday to 11:00 today (the clock is at 12:00 sharp, so no partial bar at either end).
    expect(day.series).toHaveLength(24);
    expect(day.series[0]?.start).toBe("2026-06-19T12:00:00.000Z");
    expect(day.series.reduce((sum, b) => sum + b.succeeded, 0)).toBe(3);
    expect(day.series.at(-1)).toMatchObject({ start: "2026-06-20T11:00:00.000Z", succeeded: 1, failed: 0 }); // an hour ago
    expect(day.series[0]).toMatchObject({ succeeded: 0, failed: 1 }); // 23.5 hours ago
    const offHour = await getCustomerDashboard(adminContext(partner, admin, new Date(now.getTime() + 30 * 60_000)), customer.id, "24h");
    expect(offHour.series).toHaveLength(25);
    expect(offHour.series[0]?.start).toBe("2026-06-19T12:00:00.000Z");

    const week = await getCustomerDashboard(ctx, customer.id, "7d");
    expect(week.jobs).toEqual({ succeeded: 4, failed: 2 });
    expect(week.successRate).toBeCloseTo(4 / 6);
    expect(week.series).toHaveLength(28);
    const quarter = await getCustomerDashboard(ctx, customer.id, "90d");
    expect(quarter.jobs).toEqual({ succeeded: 4, failed: 3 });
    expect(quarter.series).toHaveLength(91); // days, the first and the last in part

    // Tasks used in the billing period come from the roll-up (all eight jobs of the customer fall in June).
    expect(week.usage).toEqual({ tasksUsed: 16, taskLimit: 10_000, billingPeriod: "2026-06-01", planName: "Growth" });
    const nextMonth = await getCustomerDashboard(adminContext(partner, admin, new Date(Date.UTC(2026, 6, 2))), customer.id, "7d");
    expect(nextMonth.usage.tasksUsed).toBe(0);
  });

  it("has no rates when nothing ran, and answers NOT_FOUND for another partner's customer", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const empty = await getCustomerDashboard(adminContext(acme.partner, acme.admin), customer.id, "30d");
    expect(empty).toMatchObject({ successRate: null, errorRate: null, recipes: { total: 0, running: 0 }, recipeActivity: [] });
    await expect(getCustomerDashboard(adminContext(globex.partner, globex.admin), customer.id, "30d")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("reads the period from the URL, falling back to 7 days", () => {
    expect(dashboardPeriodParam.parse("24h")).toBe("24h");
    expect(dashboardPeriodParam.parse("90d")).toBe("90d");
    expect(dashboardPeriodParam.parse(undefined)).toBe("7d");
    expect(dashboardPeriodParam.parse("1y")).toBe("7d");
    expect(dashboardPeriodParam.parse(["24h", "30d"])).toBe("7d");
  });
});
