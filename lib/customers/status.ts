import { CUSTOMER_STATUSES, type CustomerStatus } from "./view-options";

/** Decision D2: a customer's status is derived from its plan, its trial end and the clock, never stored. */

export { CUSTOMER_STATUSES, type CustomerStatus };

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  active: "Active",
  in_trial: "In trial",
  expired: "Expired subscription",
};

/** Trial tasks limit and length (rule U21). */
export const TRIAL_TASK_LIMIT = 100;
export const TRIAL_DAYS = 30;

export function customerStatus(customer: { trialEndsAt: Date | null; planIsFree: boolean }, at: Date): CustomerStatus {
  if (customer.trialEndsAt && customer.trialEndsAt > at) return "in_trial";
  if (customer.planIsFree || (customer.trialEndsAt && customer.trialEndsAt <= at)) return "expired";
  return "active";
}

