import "server-only";
import { runBulkJob } from "@/lib/bulk-jobs/run";
import { BULK_JOB_QUEUE_NAME } from "@/lib/bulk-jobs/queue-name";
import type { JobHandler } from "./worker";

/**
 * The long-job lane's handlers: bulk work that may run for minutes (issue 17's bulk jobs). Add a job here, by name,
 * and queue it with `enqueueJob(name, payload)` (lib/jobs/queue.ts); every instance's long-job worker
 * (lib/jobs/start.ts) claims it, JOB_LONG_CONCURRENCY at a time per instance, apart from the periodic jobs, which
 * therefore never wait behind it. A handler gets `ctx.signal`, aborted on cancellation, a lost lease or a stop that
 * outlasts the shutdown timeout: check it between steps, and keep each step one transaction, so that a job handed
 * back to the queue (a deploy) can start again from what is done.
 *
 * A name must be in one lane only: `startJobWorker` refuses a long job named like a periodic one.
 */
export const LONG_JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [BULK_JOB_QUEUE_NAME]: (job, ctx) => runBulkJob(job, ctx),
};
