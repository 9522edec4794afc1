import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { bulkJobCustomers, bulkJobs } from "@/db/schema";
import { now } from "@/lib/clock";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { env } from "@/lib/env";
import { refreshCustomerStatistics, STATISTICS_AFTER_CHANGES } from "@/lib/db/statistics";
import type { Transaction } from "@/lib/db";
import type { ClaimedJob } from "@/lib/jobs/queue";
import type { JobContext, JobOutcome } from "@/lib/jobs/worker";
import { prepareAction } from "./actions";
import type { OwnRowsBatch, PreparedAction } from "./runners";
import { batchContext } from "./started-by";
import { MAX_KEPT_ERRORS, type ParsedBulkAction } from "./types";

const payloadSchema = z.object({ bulkJobId: z.number().int().positive(), partnerId: z.number().int().positive() });

export interface RunOptions {
  batchSize?: number;
  /** Tests: runs inside each batch's transaction after its writes, before the cursor moves (a crash there rolls the batch back). */
  afterBatchWrites?: (batch: { from: number; to: number }) => Promise<void>;
  /** Tests: stop after this many batches, as a worker killed between two batches would. */
  maxBatches?: number;
}

type Step = "more" | "done";

/**
 * One batch of a bulk job, in one transaction with the partner's scope: the job's row is locked (two workers never
 * run batches of one job at once), the next positions after its cursor are read from the snapshot, the action is
 * applied to them, and the cursor, the counts and the errors advance in the same transaction. A worker killed
 * anywhere in a batch leaves it rolled back: the next claim redoes exactly that batch, so no customer is changed
 * twice and none is skipped.
 */
export async function runBulkJobBatch(bulkJobId: number, partnerId: number, options: RunOptions = {}): Promise<Step> {
  return (await runBatch(bulkJobId, partnerId, options)).step;
}

/** A batch, and how many customers it changed (the runner refreshes the planner's statistics after large jobs). */
async function runBatch(bulkJobId: number, partnerId: number, options: RunOptions): Promise<{ step: Step; changed: number }> {
  const done = { step: "done", changed: 0 } as const;
  return inPartnerScope({ partnerId }, async (tx) => {
    const mine = and(eq(bulkJobs.id, bulkJobId), eq(bulkJobs.partnerId, partnerId));
    const [job] = await tx.select().from(bulkJobs).where(mine).for("update");
    if (!job || !["queued", "running"].includes(job.status)) return done;
    const at = now();
    if (job.cancelRequested) {
      await finish(tx, job.id, "cancelled", { finishedAt: at });
      return done;
    }
    const ctx = batchContext(job, at);
    const action = job.action as ParsedBulkAction;
    const prepared = await prepareAction(tx, ctx, action, job.id);
    // Customers per batch (BULK_JOB_BATCH_SIZE, 5,000): small enough to keep row locks short, big enough to be fast.
    const size = options.batchSize ?? env("BULK_JOB_BATCH_SIZE");
    const batch = prepared.ownRows ? await prepared.ownRows.runAfter(tx, ctx, job.cursor, size) : await snapshotBatch(tx, job, prepared, ctx, size);
    if (batch.processed === 0) {
      await prepared.finish?.(tx, ctx);
      await finish(tx, job.id, "succeeded", { startedAt: job.startedAt ?? at, finishedAt: at });
      return done;
    }
    await options.afterBatchWrites?.({ from: job.cursor + 1, to: batch.cursor });
    const kept = (job.errors as unknown[]).length;
    await tx
      .update(bulkJobs)
      .set({
        status: "running",
        startedAt: job.startedAt ?? at,
        cursor: batch.cursor,
        processed: job.processed + batch.processed,
        changed: job.changed + batch.changed,
        failed: job.failed + batch.failed,
        errors: kept >= MAX_KEPT_ERRORS ? job.errors : [...(job.errors as unknown[]), ...batch.errors].slice(0, MAX_KEPT_ERRORS),
      })
      .where(mine);
    return { step: "more", changed: batch.changed };
  });
}

/** Ends a job: its status, and its snapshot dropped (a million rows of a finished job are of no further use). */
async function finish(tx: Transaction, jobId: number, status: "succeeded" | "cancelled", times: { startedAt?: Date; finishedAt: Date }): Promise<void> {
  await tx
    .update(bulkJobs)
    .set({ status, ...times })
    .where(eq(bulkJobs.id, jobId));
  await tx.delete(bulkJobCustomers).where(eq(bulkJobCustomers.bulkJobId, jobId));
}

/** Why some positions of a snapshot had no customer left. */
const DELETED_MEANWHILE = (count: number) => `${count} customer${count === 1 ? " was" : "s were"} deleted after the job started, before their batch.`;

/**
 * The next customers of the snapshot after the job's cursor, through the action. Positions are walked in order, so
 * that the rows of customers deleted meanwhile (gone from the snapshot with them) are counted, never waited for.
 */
async function snapshotBatch(
  tx: Transaction,
  job: { id: number; cursor: number; total: number },
  prepared: PreparedAction,
  ctx: RequestContext,
  size: number,
): Promise<OwnRowsBatch> {
  const rows = await tx
    .select({ position: bulkJobCustomers.position, customerId: bulkJobCustomers.customerId })
    .from(bulkJobCustomers)
    .where(and(eq(bulkJobCustomers.bulkJobId, job.id), gt(bulkJobCustomers.position, job.cursor)))
    .orderBy(asc(bulkJobCustomers.position))
    .limit(size);
  const cursor = rows.length > 0 ? rows.at(-1)!.position : job.total;
  const gone = cursor - job.cursor - rows.length;
  const outcome =
    rows.length > 0
      ? await prepared.runBatch!(
          tx,
          ctx,
          rows.map((row) => row.customerId),
        )
      : { changed: 0, failed: 0, errors: [] };
  return {
    ...outcome,
    cursor,
    processed: cursor - job.cursor,
    failed: outcome.failed + gone,
    errors: gone > 0 ? [...outcome.errors, { reason: DELETED_MEANWHILE(gone) }] : outcome.errors,
  };
}

/** Marks a job that could not go on (its attempts spent) failed, with what it did until then. */
async function failBulkJob(bulkJobId: number, partnerId: number, error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  await inPartnerScope({ partnerId }, async (tx) => {
    await tx
      .update(bulkJobs)
      .set({
        status: "failed",
        finishedAt: now(),
        errors: sql`(${bulkJobs.errors} || ${JSON.stringify([{ reason: `The job stopped: ${reason}` }])}::jsonb)`,
      })
      .where(and(eq(bulkJobs.id, bulkJobId), eq(bulkJobs.partnerId, partnerId), sql`${bulkJobs.status} in ('queued', 'running')`));
    await tx.delete(bulkJobCustomers).where(eq(bulkJobCustomers.bulkJobId, bulkJobId));
  });
}

/**
 * BULK_JOB_BATCH_PAUSE_MS between two batches: none outside the browser tests, which slow a job down to watch and
 * cancel it. A stopping worker does not wait it out.
 */
async function pauseBetweenBatches(signal: AbortSignal): Promise<void> {
  const ms = env("BULK_JOB_BATCH_PAUSE_MS");
  if (ms === 0 || signal.aborted) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * The queue's handler (registered in lib/jobs/start.ts): batch after batch until the job is done or cancelled, or
 * the worker is stopping (the job is handed back and resumes from its cursor). A failing batch is retried by the
 * queue; once its attempts are spent the job is marked failed.
 */
export async function runBulkJob(job: ClaimedJob, { signal }: JobContext, options: RunOptions = {}): Promise<JobOutcome> {
  const { bulkJobId, partnerId } = payloadSchema.parse(job.payload);
  let batches = 0;
  let changed = 0;
  try {
    while (!signal.aborted) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
      const batch = await runBatch(bulkJobId, partnerId, options);
      if (batch.step === "done") break;
      batches += 1;
      changed += batch.changed;
      await pauseBetweenBatches(signal);
    }
  } catch (error) {
    if (job.attempt >= job.maxAttempts) await failBulkJob(bulkJobId, partnerId, error);
    throw error;
  }
  // After the job's own transactions: the statistics are a hint for the planner, not part of the job's writes.
  if (changed >= STATISTICS_AFTER_CHANGES) await refreshCustomerStatistics();
  return { rowsTouched: batches };
}
