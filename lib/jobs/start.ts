import "server-only";
import { env } from "@/lib/env";
import { LONG_JOB_HANDLERS } from "./long";
import { PERIODIC_JOBS, periodicHandlers, periodicScheduler, type PeriodicJob } from "./periodic";
import { defaultWorkerId, startWorker, type JobHandler, type Worker } from "./worker";

/** This instance's job workers, one per lane; stopping stops them all. */
export interface JobLanes {
  periodic: Worker;
  long: Worker | null;
  /** Stops every lane at once, each letting its running jobs finish within `timeoutMs` (graceful shutdown). */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobLaneOptions {
  /** The periodic jobs (tests pass their own). */
  periodic?: readonly PeriodicJob[];
  /** The long lane's handlers (tests pass their own). */
  long?: Readonly<Record<string, JobHandler>>;
  longConcurrency?: number;
  pollMs?: number;
}

const holder = globalThis as unknown as { partnerConsoleJobLanes?: JobLanes };

/**
 * Starts this instance's job workers, once per process, in two lanes, so that a long job never holds up a short
 * one (in the 3-instance load run `flag-ended-trials` waited behind the notifications' first pass):
 * - the periodic lane queues the periodic jobs' current periods and runs them, as many at once as there are
 *   periodic jobs. The scheduler queues no period of a job while a run of it is unfinished, so at most one run of
 *   each is queued or running anywhere, and a lane always has a slot for each: none waits behind another, however
 *   long that one runs;
 * - the long lane runs the bulk jobs of LONG_JOB_HANDLERS (lib/jobs/long.ts), JOB_LONG_CONCURRENCY at a time
 *   (0: none on this instance).
 * Every instance runs both; the queue makes each job run once. `JOB_WORKER=0` leaves an instance without any (a
 * web-only instance).
 */
export function startJobWorker(options: JobLaneOptions = {}): JobLanes | null {
  if (!env("JOB_WORKER")) return null;
  if (holder.partnerConsoleJobLanes) return holder.partnerConsoleJobLanes;
  const periodic = options.periodic ?? PERIODIC_JOBS;
  const long = options.long ?? LONG_JOB_HANDLERS;
  const both = periodic.filter((job) => job.name in long).map((job) => job.name);
  // Both lanes would claim it, and the periodic lane's one slot per job would no longer hold.
  if (both.length > 0) throw new Error(`A job may be in one lane only: ${both.join(", ")}`);
  const pollMs = options.pollMs ?? env("JOB_POLL_MS");
  const longConcurrency = options.longConcurrency ?? env("JOB_LONG_CONCURRENCY");
  const lanes: JobLanes = {
    periodic: startWorker({
      handlers: periodicHandlers(periodic),
      concurrency: Math.max(1, periodic.length),
      beforePoll: periodicScheduler(periodic),
      pollMs,
      workerId: `${defaultWorkerId()}:periodic`,
    }),
    long:
      longConcurrency > 0 && Object.keys(long).length > 0
        ? startWorker({ handlers: { ...long }, concurrency: longConcurrency, pollMs, workerId: `${defaultWorkerId()}:long` })
        : null,
    async stop(timeoutMs) {
      await Promise.all([lanes.periodic.stop(timeoutMs), lanes.long?.stop(timeoutMs)]);
    },
  };
  holder.partnerConsoleJobLanes = lanes;
  return lanes;
}

/** Stops this process's job workers, every lane, at a safe point (graceful shutdown), if they run. */
export async function stopJobWorker(timeoutMs?: number): Promise<void> {
  const lanes = holder.partnerConsoleJobLanes;
  holder.partnerConsoleJobLanes = undefined;
  await lanes?.stop(timeoutMs);
}
