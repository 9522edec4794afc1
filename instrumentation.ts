/**
 * Runs once when the server starts: this instance's job worker, which queues the periodic maintenance jobs (billing
 * roll-over, ended trials; lib/jobs/periodic.ts) and runs each once per period across all instances.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The server does not start on a bad setting: the error names the variable (lib/env.ts).
  const { checkEnvironment } = await import("@/lib/env");
  checkEnvironment();
  const { startJobWorker } = await import("@/lib/jobs/start");
  startJobWorker();
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
