/**
 * Runs once when the server starts: the maintenance jobs that keep roll-ups current. The billing period rolls over
 * at start and then hourly, so that a new month starts from zero tasks even for customers that run no job; ended
 * trials are flagged every minute, which keeps the Customers table's status tabs on their indexes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { rollOverBillingPeriods } = await import("@/lib/customers/roll-over");
  const { flagEndedTrials } = await import("@/lib/customers/trial-ended");
  every(60 * 60_000, "Billing period roll-over", rollOverBillingPeriods);
  every(60_000, "Flagging ended trials", flagEndedTrials);
}

function every(intervalMs: number, job: string, run: () => Promise<unknown>) {
  const once = () => run().catch((error: unknown) => console.error(`${job} failed; will retry.`, error));
  void once();
  setInterval(once, intervalMs).unref();
}

/**
 * A page that failed because the database is unreachable records the outage, so that the next requests answer 503
 * at once (proxy.ts) until the database is back; route handlers and actions record it the same way (knownFailure).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordIfDatabaseUnavailable } = await import("@/lib/db/errors");
  recordIfDatabaseUnavailable(error);
}
