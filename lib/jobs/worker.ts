import "server-only";
import { hostname } from "node:os";
import { env } from "@/lib/env";
import { claimJob, completeJob, failAbandonedJobs, failJob, markCancelled, releaseJob, renewLease, type ClaimedJob } from "./queue";
import { logError } from "@/lib/observability/log-error";

export interface JobContext {
  /** Aborted when the job is cancelled, when its lease is lost, or when the worker stops and the job overruns. */
  signal: AbortSignal;
}

export type JobOutcome = { rowsTouched?: number; result?: unknown } | void;
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<JobOutcome>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  /** Jobs run at once by this worker. */
  concurrency?: number;
  pollMs?: number;
  /** How long a claim holds without renewal; a running job renews it every third of it. */
  leaseMs?: number;
  /** Runs before each poll (the periodic jobs' scheduler). */
  beforePoll?: () => Promise<unknown>;
  workerId?: string;
  onError?: (error: unknown, job?: ClaimedJob) => void;
}

export interface Worker {
  id: string;
  /** Stops claiming, waits for running jobs up to `timeoutMs`, then aborts the rest (their leases run out). */
  stop(timeoutMs?: number): Promise<void>;
  /** Resolves once nothing is running and no poll is under way (tests). */
  idle(): Promise<void>;
}

export function defaultWorkerId(): string {
  return `${env("INSTANCE_ID") ?? hostname()}:${process.pid}`;
}

/**
 * Polls the queue and runs what it claims. A job is never run by two workers at once (the claim) and never
 * abandoned silently: a worker that dies leaves a lease that runs out, and another worker takes the job again.
 */
export function startWorker(options: WorkerOptions): Worker {
  const id = options.workerId ?? defaultWorkerId();
  const concurrency = options.concurrency ?? 1;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const onError = options.onError ?? ((error: unknown, job?: ClaimedJob) => logError(error, "job failed", { job: job?.name, jobId: job?.id }));
  const names = Object.keys(options.handlers);
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let polling: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function run(job: ClaimedJob, controller: AbortController): Promise<void> {
    const renew = setInterval(
      () => {
        renewLease(job.id, id, leaseMs)
          .then((goOn) => {
            if (!goOn) controller.abort(new Error("The job was cancelled or its lease was lost."));
          })
          .catch((error: unknown) => onError(error, job));
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    renew.unref?.();
    try {
      const outcome = await options.handlers[job.name]!(job, { signal: controller.signal });
      if (!controller.signal.aborted) await completeJob(job.id, id, outcome ?? {});
      else if (stopping) await releaseJob(job.id, id);
      else await markCancelled(job.id, id);
    } catch (error) {
      if (controller.signal.aborted && stopping) await releaseJob(job.id, id).catch((failure: unknown) => onError(failure, job));
      else if (controller.signal.aborted) await markCancelled(job.id, id).catch((failure: unknown) => onError(failure, job));
      else {
        onError(error, job);
        await failJob(job.id, id, error).catch((failure: unknown) => onError(failure, job));
      }
    } finally {
      clearInterval(renew);
    }
  }

  async function poll(): Promise<void> {
    await options.beforePoll?.();
    await failAbandonedJobs();
    while (!stopping && running.size < concurrency) {
      const job = await claimJob(id, names, leaseMs);
      if (!job) break;
      const controller = new AbortController();
      const done = run(job, controller).finally(() => running.delete(job.id));
      running.set(job.id, { controller, done });
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      polling = poll().catch((error: unknown) => onError(error));
      await polling;
      polling = null;
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }
  const looping = loop();

  return {
    id,
    async stop(timeoutMs = 10_000) {
      stopping = true;
      wake?.();
      await looping;
      const all = Promise.all([...running.values()].map((entry) => entry.done));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const overran = await Promise.race([
        all.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (overran) for (const entry of running.values()) entry.controller.abort(new Error("The worker is stopping."));
    },
    async idle() {
      while (polling || running.size > 0) {
        await polling;
        await Promise.all([...running.values()].map((entry) => entry.done));
      }
    },
  };
}
