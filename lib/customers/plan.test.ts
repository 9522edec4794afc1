import { describe, expect, it } from "vitest";
import { billingPeriodOf, effectivePlan, tasksUsedInPeriod, trialState } from "./plan";
import { DAY_MS } from "@/lib/time";

const at = new Date("2026-06-15T12:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * DAY_MS);
const growth = { id: 2, name: "Growth", taskLimit: 10_000, connectionLimit: 25, isFree: false };
const free = { id: 1, name: "Free", taskLimit: 100, connectionLimit: 5, isFree: true };

describe("the effective plan (decisions D1, D2, rule U21)", () => {
  it("is the customer's plan and limit without a trial", () => {
    expect(effectivePlan({ plan: growth, freePlan: free, trialEndsAt: null }, at)).toMatchObject({
      plan: growth,
      status: "active",
      taskLimit: 10_000,
      trial: { kind: "off" },
    });
  });

  it("keeps the plan but limits tasks to 100 while a trial runs, with the days left", () => {
    expect(effectivePlan({ plan: growth, freePlan: free, trialEndsAt: days(29.5) }, at)).toMatchObject({
      plan: growth,
      status: "in_trial",
      taskLimit: 100,
      trial: { kind: "running", daysLeft: 30 },
    });
    expect(trialState(days(0.2), at)).toMatchObject({ kind: "running", daysLeft: 1 });
  });

  it("is the partner's Free plan, Expired subscription, once the trial has ended", () => {
    expect(effectivePlan({ plan: growth, freePlan: free, trialEndsAt: days(-1) }, at)).toMatchObject({
      plan: free,
      status: "expired",
      taskLimit: 100,
      trial: { kind: "ended", endedAt: days(-1) },
    });
    expect(effectivePlan({ plan: growth, freePlan: free, trialEndsAt: at }, at).status).toBe("expired");
  });

  it("counts tasks used only in the current billing period (the calendar month, UTC)", () => {
    expect(billingPeriodOf(at)).toBe("2026-06-01");
    expect(billingPeriodOf(new Date("2026-06-30T23:59:59Z"))).toBe("2026-06-01");
    expect(tasksUsedInPeriod({ tasksUsed: 40, usagePeriod: "2026-06-01" }, at)).toBe(40);
    expect(tasksUsedInPeriod({ tasksUsed: 40, usagePeriod: "2026-05-01" }, at)).toBe(0);
  });
});
