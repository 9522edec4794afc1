/**
 * Runs once when the server starts: this instance's job worker, which queues the periodic maintenance jobs (billing
 * roll-over, ended trials; lib/jobs/periodic.ts) and runs each once per period across all instances, and its email
 * sender (lib/mail/worker.ts), which delivers the outbox.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // The server does not start on a bad setting: the error names the variable (lib/env.ts).
  const { checkEnvironment } = await import("@/lib/env");
  checkEnvironment();
  const { startJobWorker, stopJobWorker } = await import("@/lib/jobs/start");
  const { closeDatabase } = await import("@/lib/db");
  const { onShutdown } = await import("@/lib/lifecycle/state");
  const { shutdownTimeoutMs } = await import("@/lib/lifecycle/drain");
  // A web-only instance (JOB_WORKER=0) sends no email either.
  if (startJobWorker()) {
    const { startMailWorker } = await import("@/lib/mail/worker");
    startMailWorker();
  }
  // Run by the custom server's drain (scripts/server.ts), after the last request: jobs first, as they use the pools.
  onShutdown("job worker", () => stopJobWorker(shutdownTimeoutMs()));
  onShutdown("database pools", () => closeDatabase());
}

/**
 * A page that failed because the database is unreachable records the outage, so that the next requests answer 503
 * at once (proxy.ts) until the database is back; route handlers and actions record it the same way (knownFailure).
 */
export async function onRequestError(error: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { recordIfDatabaseUnavailable } = await import("@/lib/db/errors");
  const { logger } = await import("@/lib/observability/logger");
  // The request ID the custom server gave the request, with the stack; never the path (it may hold a token).
  logger().error({ err: error, requestId: request.headers["x-request-id"], method: request.method }, "request error");
  recordIfDatabaseUnavailable(error);
}
