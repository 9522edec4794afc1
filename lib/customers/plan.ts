import { DAY_MS } from "@/lib/time";
import { FREE_PLAN, TRIAL_TASK_LIMIT } from "./plan-rules";
import { customerStatus, type CustomerStatus } from "./status";
import { billingPeriodOf } from "./billing-period";

export interface PlanRef {
  id: number;
  name: string;
  taskLimit: number;
  connectionLimit: number;
  isFree: boolean;
}

/** Where a customer's trial stands at a given moment (rule U21): never started (or turned off), running, or over. */
export type TrialState = { kind: "off" } | { kind: "running"; endsAt: Date; daysLeft: number } | { kind: "ended"; endedAt: Date };

export function trialState(trialEndsAt: Date | null, at: Date): TrialState {
  if (!trialEndsAt) return { kind: "off" };
  if (trialEndsAt > at) {
    return { kind: "running", endsAt: trialEndsAt, daysLeft: Math.ceil((trialEndsAt.getTime() - at.getTime()) / DAY_MS) };
  }
  return { kind: "ended", endedAt: trialEndsAt };
}

/**
 * The trial end once a plan has been chosen (rule U20, decision D1): an ended trial is cleared, because the customer
 * now subscribes to that plan; a running one keeps running on it (rule U22). Settings and the API both apply it.
 */
export function trialAfterChoosingPlan(trialEndsAt: Date | null, at: Date): Date | null {
  return trialState(trialEndsAt, at).kind === "ended" ? null : trialEndsAt;
}

export interface EffectivePlan {
  /** The plan the customer is on now: its own, or the partner's Free plan once a trial has ended (decision D1). */
  plan: PlanRef;
  status: CustomerStatus;
  /** Tasks a month: 100 while a trial runs and after it ended (rule U21), the plan's limit otherwise. */
  taskLimit: number;
  trial: TrialState;
}

/**
 * The one place that derives plan, status and task limit from what is stored and the clock, so that the
 * customer page's header, dashboard and settings always agree with each other and with the Customers table
 * (which applies the same rule in SQL, `customerStatusSql`).
 */
export function effectivePlan(customer: { plan: PlanRef; freePlan: PlanRef | null; trialEndsAt: Date | null }, at: Date): EffectivePlan {
  const trial = trialState(customer.trialEndsAt, at);
  const plan =
    trial.kind === "ended" ? (customer.freePlan ?? { ...customer.plan, name: FREE_PLAN.name, taskLimit: FREE_PLAN.taskLimit, isFree: true }) : customer.plan;
  return {
    plan,
    status: customerStatus({ trialEndsAt: customer.trialEndsAt, planIsFree: customer.plan.isFree }, at),
    taskLimit: customer.trialEndsAt !== null ? TRIAL_TASK_LIMIT : plan.taskLimit,
    trial,
  };
}

export { billingPeriodOf };

/** Tasks used this billing period: the roll-up counts only while its period is the current month. */
export function tasksUsedInPeriod(customer: { tasksUsed: number; usagePeriod: string }, at: Date): number {
  return customer.usagePeriod === billingPeriodOf(at) ? customer.tasksUsed : 0;
}
