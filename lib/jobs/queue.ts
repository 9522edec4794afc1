import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { backgroundJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";

/**
 * The job queue: rows of `background_jobs`, claimed with `FOR UPDATE SKIP LOCKED` so that of several instances'
 * workers exactly one takes a job, on PostgreSQL and on the embedded database alike (pg-boss 12 needs Node 22, and
 * brings a second driver that the embedded database's one connection could not serve). Every statement stands
 * alone, outside any session state, so it also works through PgBouncer in transaction mode.
 *
 * Times are the machine's, not the application clock (lib/clock.ts): leases and retries are about real seconds,
 * and a test that moves the application clock must not expire every lease.
 */

export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
}

export interface EnqueueOptions {
  /** At most one job of this name with this key, ever: a second enqueue is a no-op (a periodic job's period). */
  singletonKey?: string;
  runAfter?: Date;
  maxAttempts?: number;
  /** Adds nothing while a job of this name is queued or running: a periodic run that outlasts its period is not joined by the next. */
  unlessUnfinished?: boolean;
}

/**
 * Adds a job; answers its ID, or null when a job with the same name and singleton key exists already, or, with
 * `unlessUnfinished`, while a job of the same name is still queued or running.
 */
export async function enqueueJob(name: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<number | null> {
  const values = {
    name,
    payload: payload ?? {},
    singletonKey: options.singletonKey ?? null,
    runAfter: options.runAfter ?? new Date(),
    maxAttempts: options.maxAttempts ?? 3,
  };
  if (options.unlessUnfinished) {
    // One statement, so that two instances deciding at once cannot both see "nothing unfinished" and both insert
    // for different periods: the unique key settles the same period, this settles a run still going.
    // Raw SQL: claiming takes `for update skip locked`, and enqueueing a singleton is an insert guarded by `not exists … on conflict do nothing`, atomic across instances.
    const rows = await getDatabase().execute<{ id: string | number }>(sql`
      insert into background_jobs (name, payload, singleton_key, run_after, max_attempts)
      select ${values.name}, ${JSON.stringify(values.payload)}::jsonb, ${values.singletonKey}, ${values.runAfter}, ${values.maxAttempts}
       where not exists (select 1 from background_jobs where name = ${name} and status in ('queued', 'active'))
      on conflict do nothing
      returning id`);
    // A bigint comes back from raw SQL as text.
    return rows[0] ? Number(rows[0].id) : null;
  }
  const [row] = await getDatabase().insert(backgroundJobs).values(values).onConflictDoNothing().returning({ id: backgroundJobs.id });
  return row?.id ?? null;
}

/**
 * Takes the next due job of one of `names` for `workerId`, with a lease until `leaseMs` from now: a queued job whose
 * time has come, or one whose worker's lease ran out (that worker died) and that has attempts left.
 */
export async function claimJob(workerId: string, names: readonly string[], leaseMs: number): Promise<ClaimedJob | null> {
  if (names.length === 0) return null;
  const at = new Date();
  const rows = await getDatabase().execute<{ id: string; name: string; payload: unknown; attempts: number; max_attempts: number }>(sql`
    update background_jobs j
       set status = 'active', attempts = j.attempts + 1, locked_by = ${workerId},
           locked_until = ${new Date(at.getTime() + leaseMs)}, started_at = ${at}, finished_at = null
     where j.id = (
           select id from background_jobs
            where name in ${names}
              and ((status = 'queued' and run_after <= ${at})
                or (status = 'active' and locked_until < ${at} and attempts < max_attempts))
            order by run_after, id
            limit 1
              for update skip locked)
    returning j.id, j.name, j.payload, j.attempts, j.max_attempts`);
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, payload: row.payload, attempt: row.attempts, maxAttempts: row.max_attempts } : null;
}

/** Jobs whose worker died on their last attempt: failed, with the reason, so that the record is not left "active". */
export async function failAbandonedJobs(): Promise<number> {
  const at = new Date();
  const rows = await getDatabase().execute(sql`
    update background_jobs
       set status = 'failed', finished_at = ${at}, locked_by = null, locked_until = null,
           error = coalesce(error || E'\n', '') || 'The worker running the last attempt stopped before it finished.'
     where status = 'active' and locked_until < ${at} and attempts >= max_attempts`);
  return rows.count ?? 0;
}

/**
 * Extends a running job's lease. Answers whether the worker should go on: false when cancellation was asked for,
 * or when the lease was lost (it ran out and another worker took the job).
 */
export async function renewLease(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
  const [row] = await getDatabase()
    .update(backgroundJobs)
    .set({ lockedUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(backgroundJobs.id, jobId), eq(backgroundJobs.lockedBy, workerId), eq(backgroundJobs.status, "active")))
    .returning({ cancelRequested: backgroundJobs.cancelRequested });
  return !!row && !row.cancelRequested;
}

/** Records a finished run. Does nothing if this worker no longer holds the job (its lease ran out). */
export async function completeJob(jobId: number, workerId: string, outcome: { rowsTouched?: number; result?: unknown }): Promise<void> {
  await getDatabase()
    .update(backgroundJobs)
    .set({
      status: "succeeded",
      finishedAt: new Date(),
      rowsTouched: outcome.rowsTouched ?? null,
      result: outcome.result ?? null,
      error: null,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(and(eq(backgroundJobs.id, jobId), eq(backgroundJobs.lockedBy, workerId), eq(backgroundJobs.status, "active")));
}

/**
 * Records a failed attempt: queued again after a backoff (10 s, 20 s, 40 s… up to 10 minutes) while attempts remain, else failed; cancelled if
 * cancellation was asked for meanwhile. The error's message and stack are kept for whoever looks at the record.
 */
export async function failJob(jobId: number, workerId: string, error: unknown): Promise<void> {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const at = new Date();
  await getDatabase().execute(sql`
    update background_jobs
       set status = case when cancel_requested then 'cancelled' when attempts < max_attempts then 'queued' else 'failed' end,
           run_after = case when attempts < max_attempts
                            then ${at}::timestamptz + make_interval(secs => least(10 * power(2, greatest(attempts - 1, 0)), 600))
                            else run_after end,
           finished_at = case when cancel_requested or attempts >= max_attempts then ${at}::timestamptz end,
           error = ${text.slice(0, 8_000)}, locked_by = null, locked_until = null
     where id = ${jobId} and locked_by = ${workerId} and status = 'active'`);
}

/** A run stopped on request (its handler saw the signal): recorded as cancelled. */
export async function markCancelled(jobId: number, workerId: string): Promise<void> {
  await getDatabase()
    .update(backgroundJobs)
    .set({ status: "cancelled", finishedAt: new Date(), lockedBy: null, lockedUntil: null })
    .where(and(eq(backgroundJobs.id, jobId), eq(backgroundJobs.lockedBy, workerId), eq(backgroundJobs.status, "active")));
}

/**
 * Cancels a job: a queued one at once; a running one is asked to stop, and its worker aborts the handler's signal
 * at its next lease renewal. Answers the job's status afterwards, or null when no such job is queued or running.
 */
export async function cancelJob(jobId: number): Promise<"cancelled" | "active" | null> {
  const at = new Date();
  const rows = await getDatabase().execute<{ status: "cancelled" | "active" }>(sql`
    update background_jobs
       set cancel_requested = true,
           status = case when status = 'queued' then 'cancelled' else status end,
           finished_at = case when status = 'queued' then ${at}::timestamptz else finished_at end
     where id = ${jobId} and status in ('queued', 'active')
    returning status`);
  return rows[0]?.status ?? null;
}

/**
 * Hands a job back untouched because its worker is stopping (a deploy): queued again at once for another instance,
 * and the interrupted attempt does not count against its attempts.
 */
export async function releaseJob(jobId: number, workerId: string): Promise<void> {
  await getDatabase().execute(sql`
    update background_jobs
       set status = 'queued', attempts = greatest(attempts - 1, 0), run_after = ${new Date()}, locked_by = null, locked_until = null
     where id = ${jobId} and locked_by = ${workerId} and status = 'active'`);
}
