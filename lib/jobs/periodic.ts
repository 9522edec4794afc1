import "server-only";
import { rollOverBillingPeriods } from "@/lib/customers/jobs/roll-over";
import { flagEndedTrials } from "@/lib/customers/jobs/trial-ended";
import { pruneRateLimitWindows } from "@/lib/api/rate-limit-prune";
import { sendDueNotifications } from "@/lib/notifications/send";
import { HOUR_MS, MINUTE_MS } from "@/lib/time";
import { enqueueJob } from "./queue";
import type { JobHandler } from "./worker";

export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** Returns the rows it touched; a long one stops at a safe point once `signal` is aborted (the instance stops). */
  run: (signal: AbortSignal) => Promise<number>;
}

/**
 * The maintenance jobs. The billing period rolls over hourly, so that a new month starts from zero tasks even for
 * customers that run no job; ended trials are flagged every minute, which keeps the Customers table's status tabs
 * on their indexes; past rate-limit windows are dropped hourly; the customers' notifications (trial ends, tasks and
 * connections at their limits) are found every minute, each sent once (lib/notifications/send.ts).
 */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [
  { name: "billing-roll-over", everyMs: HOUR_MS, run: () => rollOverBillingPeriods() },
  { name: "flag-ended-trials", everyMs: MINUTE_MS, run: () => flagEndedTrials() },
  { name: "prune-rate-limit-windows", everyMs: HOUR_MS, run: () => pruneRateLimitWindows() },
  { name: "send-customer-notifications", everyMs: MINUTE_MS, run: (signal) => sendDueNotifications(undefined, { signal }) },
];

/** A period's key: its start, the same on every instance (machine time; a clock a little off only delays a run). */
export function periodKey(everyMs: number, at: number): string {
  return new Date(Math.floor(at / everyMs) * everyMs).toISOString();
}

/**
 * Queues the current period's run of every periodic job. Every instance does so, and the singleton key (the
 * period) lets only the first insert through: one run per period across all instances. A run that outlasts its
 * period (the notifications' first run at a million customers) is not joined by the next: that period is skipped,
 * and the next run catches up, as every periodic job picks up whatever is due. Each instance remembers
 * the periods it has queued, so that it asks the database once per period, not on every poll.
 */
export function periodicScheduler(jobs: readonly PeriodicJob[] = PERIODIC_JOBS): () => Promise<void> {
  const queued = new Map<string, string>();
  return async () => {
    const at = Date.now();
    for (const job of jobs) {
      const key = periodKey(job.everyMs, at);
      if (queued.get(job.name) === key) continue;
      await enqueueJob(job.name, {}, { singletonKey: key, maxAttempts: 3, unlessUnfinished: true });
      queued.set(job.name, key);
    }
  };
}

/** The handlers of the periodic jobs: each records the rows it touched. */
export function periodicHandlers(jobs: readonly PeriodicJob[] = PERIODIC_JOBS): Record<string, JobHandler> {
  return Object.fromEntries(jobs.map((job) => [job.name, async (_claimed, { signal }) => ({ rowsTouched: await job.run(signal) })]));
}
