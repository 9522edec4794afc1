import { describe, expect, it } from "vitest";
import { customerStatus } from "./status";

const at = new Date("2026-06-15T12:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);

describe("customer status (decision D2, rules U10, U11, U21)", () => {
  it("is In trial while the trial runs, whatever the plan", () => {
    expect(customerStatus({ trialEndsAt: days(3), planIsFree: false }, at)).toBe("in_trial");
    expect(customerStatus({ trialEndsAt: days(3), planIsFree: true }, at)).toBe("in_trial");
  });
  it("is Expired subscription once the trial has ended, or on the Free plan", () => {
    expect(customerStatus({ trialEndsAt: days(-1), planIsFree: false }, at)).toBe("expired");
    expect(customerStatus({ trialEndsAt: at, planIsFree: false }, at)).toBe("expired");
    expect(customerStatus({ trialEndsAt: null, planIsFree: true }, at)).toBe("expired");
  });
  it("is Active on a custom plan with no trial", () => {
    expect(customerStatus({ trialEndsAt: null, planIsFree: false }, at)).toBe("active");
  });
});
