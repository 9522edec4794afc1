import { CUSTOMER_STATUSES, type CustomerStatus } from "./view-options";

/** Decision D2: a customer's status is derived from its plan, its trial end and the clock, never stored. */

export { CUSTOMER_STATUSES, type CustomerStatus };

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  active: "Active",
  in_trial: "In trial",
  expired: "Expired subscription",
};

export function customerStatus(customer: { trialEndsAt: Date | null; planIsFree: boolean }, at: Date): CustomerStatus {
  if (customer.trialEndsAt && customer.trialEndsAt > at) return "in_trial";
  if (customer.planIsFree || (customer.trialEndsAt && customer.trialEndsAt <= at)) return "expired";
  return "active";
}
