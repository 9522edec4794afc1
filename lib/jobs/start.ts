import "server-only";
import { env } from "@/lib/env";
import { periodicHandlers, periodicScheduler } from "./periodic";
import { startWorker, type JobHandler, type Worker } from "./worker";

const holder = globalThis as unknown as { partnerConsoleJobWorker?: Worker };

/**
 * Starts this instance's job worker, once per process: it queues the periodic jobs' current periods and runs
 * whatever is due. Every instance runs one; the queue makes each job run once. `JOB_WORKER=0` leaves an instance
 * without one (a web-only instance).
 */
export function startJobWorker(extraHandlers: Record<string, JobHandler> = {}): Worker | null {
  if (!env("JOB_WORKER")) return null;
  holder.partnerConsoleJobWorker ??= startWorker({
    handlers: { ...periodicHandlers(), ...extraHandlers },
    beforePoll: periodicScheduler(),
    pollMs: env("JOB_POLL_MS"),
  });
  return holder.partnerConsoleJobWorker;
}

/** Stops this process's worker at a safe point (graceful shutdown), if it runs. */
export async function stopJobWorker(timeoutMs?: number): Promise<void> {
  const worker = holder.partnerConsoleJobWorker;
  holder.partnerConsoleJobWorker = undefined;
  await worker?.stop(timeoutMs);
}
