import { DAY_MS } from "../time";

/**
 * The plan and trial figures of the product, defined once for the console, the API and the seeds. Safe to import
 * in client components and in the seed scripts.
 */

/** A trial lasts 30 days and allows 100 tasks a month, whatever the plan it is on (rule U21). */
export const TRIAL_DAYS = 30;
export const TRIAL_TASK_LIMIT = 100;

/** The system plan every partner has a copy of: the plan after a trial and of every expired subscription (decision D1). */
export const FREE_PLAN = { name: "Free", taskLimit: 100, connectionLimit: 5 } as const;

/** When a trial started (or started again, rule U22) at `now` ends. */
export function trialEndFrom(now: Date): Date {
  return new Date(now.getTime() + TRIAL_DAYS * DAY_MS);
}
