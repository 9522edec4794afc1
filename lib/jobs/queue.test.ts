/**
 * The job queue on the real database (PostgreSQL and the embedded one): claims, retries, cancellation, a dead
 * worker's lease, a worker stopping at a safe point, and the periodic jobs' one run per period.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { backgroundJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { PERIODIC_JOBS, periodicHandlers, periodicScheduler, periodKey } from "./periodic";
import { cancelJob, claimJob, enqueueJob } from "./queue";
import { recentJobRuns } from "./runs";
import { startWorker, type JobHandler } from "./worker";
import { HOUR_MS } from "@/lib/time";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const recordOf = async (id: number) => (await getDatabase().select().from(backgroundJobs).where(eq(backgroundJobs.id, id)))[0]!;
const silent = () => undefined;

describe("the job queue", () => {
  it("gives a job to one claimant only, and records the run with the rows it touched", async () => {
    const name = unique("claim");
    const id = (await enqueueJob(name, { n: 1 }))!;
    const [first, second] = await Promise.all([claimJob("a", [name], 60_000), claimJob("b", [name], 60_000)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);

    const other = unique("record");
    const runId = (await enqueueJob(other, { customers: 3 }))!;
    const worker = startWorker({ handlers: { [other]: async (job) => ({ rowsTouched: (job.payload as { customers: number }).customers }) }, pollMs: 20 });
    await vi.waitFor(async () => expect((await recordOf(runId)).status).toBe("succeeded"), { timeout: 5_000 });
    await worker.stop();
    const [run] = await recentJobRuns({ name: other });
    expect(run).toMatchObject({ id: runId, status: "succeeded", attempts: 1, rowsTouched: 3, error: null });
    expect(run!.startedAt).toBeInstanceOf(Date);
    expect(id).toBeGreaterThan(0);
  });

  it("does not start a periodic job's next period while its last run is unfinished, and does once it has finished", async () => {
    const name = unique("long-run");
    const first = (await enqueueJob(name, { p: 1 }, { singletonKey: "period-1", unlessUnfinished: true }))!;
    expect(first).toBeGreaterThan(0);
    // Queued, then running: the next period is skipped, not run beside it.
    expect(await enqueueJob(name, { p: 2 }, { singletonKey: "period-2", unlessUnfinished: true })).toBeNull();
    const claimed = (await claimJob("w", [name], 60_000))!;
    expect(await enqueueJob(name, { p: 2 }, { singletonKey: "period-2", unlessUnfinished: true })).toBeNull();
    await getDatabase().update(backgroundJobs).set({ status: "succeeded", finishedAt: new Date() }).where(eq(backgroundJobs.id, claimed.id));
    const next = await enqueueJob(name, { p: 3 }, { singletonKey: "period-3", unlessUnfinished: true });
    expect(next).toBeGreaterThan(first);
    expect((await recordOf(next!)).payload).toEqual({ p: 3 });
  });

  it("retries a failing job after a backoff and fails it, with the error, once its attempts are spent", async () => {
    const name = unique("retry");
    const id = (await enqueueJob(name, {}, { maxAttempts: 2 }))!;
    let calls = 0;
    const handler: JobHandler = async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    };
    const worker = startWorker({ handlers: { [name]: handler }, pollMs: 20, onError: silent });
    await vi.waitFor(async () => expect((await recordOf(id)).attempts).toBe(1), { timeout: 5_000 });
    await vi.waitFor(async () => expect((await recordOf(id)).status).toBe("queued"), { timeout: 5_000 });
    const waiting = await recordOf(id);
    expect(waiting.error).toContain("boom 1");
    expect(waiting.runAfter.getTime()).toBeGreaterThan(Date.now() + 5_000); // the backoff
    // Skip the backoff rather than wait 10 s.
    await getDatabase().update(backgroundJobs).set({ runAfter: new Date() }).where(eq(backgroundJobs.id, id));
    await vi.waitFor(async () => expect((await recordOf(id)).status).toBe("failed"), { timeout: 5_000 });
    await worker.stop();
    expect(await recordOf(id)).toMatchObject({ attempts: 2, status: "failed" });
    expect((await recordOf(id)).error).toContain("boom 2");
    expect(calls).toBe(2);
  });

  it("cancels a queued job before it runs, and stops a running one through its signal", async () => {
    const name = unique("cancel");
    const queued = (await enqueueJob(name, {}, { runAfter: new Date(Date.now() + 60_000) }))!;
    expect(await cancelJob(queued)).toBe("cancelled");
    expect(await cancelJob(queued)).toBeNull();

    const running = (await enqueueJob(name))!;
    let sawAbort = false;
    const worker = startWorker({
      handlers: {
        [name]: async (_job, { signal }) => {
          // A long job, in steps, checking its signal between them.
          for (let step = 0; step < 200 && !signal.aborted; step++) await new Promise((resolve) => setTimeout(resolve, 50));
          sawAbort = signal.aborted;
          return { rowsTouched: 0 };
        },
      },
      pollMs: 20,
      leaseMs: 300,
    });
    await vi.waitFor(async () => expect((await recordOf(running)).status).toBe("active"), { timeout: 5_000 });
    expect(await cancelJob(running)).toBe("active");
    await vi.waitFor(async () => expect((await recordOf(running)).status).toBe("cancelled"), { timeout: 5_000 });
    await worker.stop();
    expect(sawAbort).toBe(true);
    expect((await recordOf(queued)).status).toBe("cancelled");
  });

  it("gives the job of a worker that died (its lease ran out) to another worker", async () => {
    const name = unique("lease");
    const id = (await enqueueJob(name))!;
    // The first claimant never renews its lease, as a killed process would not.
    expect(await claimJob("dead-worker", [name], 200)).toMatchObject({ id, attempt: 1 });
    expect(await claimJob("other", [name], 60_000)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const worker = startWorker({ handlers: { [name]: async () => ({ rowsTouched: 1 }) }, pollMs: 20, workerId: "survivor" });
    await vi.waitFor(async () => expect((await recordOf(id)).status).toBe("succeeded"), { timeout: 5_000 });
    await worker.stop();
    expect(await recordOf(id)).toMatchObject({ attempts: 2, lockedBy: null });
  });

  it("on stop, lets a running job finish within the time given, and hands back one that overruns", async () => {
    const name = unique("stop");
    const quick = (await enqueueJob(name, { ms: 300 }))!;
    const handler: JobHandler = async (job, { signal }) => {
      const { ms } = job.payload as { ms: number };
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        });
      });
      return { rowsTouched: 1 };
    };
    const first = startWorker({ handlers: { [name]: handler }, pollMs: 20 });
    await vi.waitFor(async () => expect((await recordOf(quick)).status).toBe("active"), { timeout: 5_000 });
    await first.stop(5_000);
    expect((await recordOf(quick)).status).toBe("succeeded");

    const slow = (await enqueueJob(name, { ms: 30_000 }))!;
    const second = startWorker({ handlers: { [name]: handler }, pollMs: 20 });
    await vi.waitFor(async () => expect((await recordOf(slow)).status).toBe("active"), { timeout: 5_000 });
    await second.stop(200);
    // Handed back for another instance, its interrupted attempt not counted.
    await vi.waitFor(async () => expect(await recordOf(slow)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null }), { timeout: 5_000 });
    await cancelJob(slow);
  });
});

describe("the periodic jobs", () => {
  it("are queued once per period, however many instances' schedulers ask", async () => {
    const name = unique("periodic");
    let runs = 0;
    const job = { name, everyMs: 60 * 60_000, run: async () => ++runs };
    const schedulers = [periodicScheduler([job]), periodicScheduler([job]), periodicScheduler([job])];
    await Promise.all(schedulers.map((schedule) => schedule()));
    await Promise.all(schedulers.map((schedule) => schedule()));
    const rows = await getDatabase().select().from(backgroundJobs).where(eq(backgroundJobs.name, name));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.singletonKey).toBe(periodKey(job.everyMs, Date.now()));
    const workers = [1, 2].map(() => startWorker({ handlers: periodicHandlers([job]), pollMs: 20 }));
    await vi.waitFor(async () => expect((await recordOf(rows[0]!.id)).status).toBe("succeeded"), { timeout: 5_000 });
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(runs).toBe(1);
  });

  it("are the billing roll-over and the ended-trials flag (moved from instrumentation.ts), with the rate-limit pruning and the customers' notifications", async () => {
    expect(PERIODIC_JOBS.map((job) => [job.name, job.everyMs])).toEqual([
      ["billing-roll-over", HOUR_MS],
      ["flag-ended-trials", 60_000],
      ["prune-rate-limit-windows", HOUR_MS],
      ["send-customer-notifications", 60_000],
    ]);
    const handlers = periodicHandlers();
    for (const job of PERIODIC_JOBS) {
      const outcome = await handlers[job.name]!({ id: 0, name: job.name, payload: {}, attempt: 1, maxAttempts: 1 }, { signal: new AbortController().signal });
      expect(outcome).toEqual({ rowsTouched: expect.any(Number) });
    }
    expect(await getDatabase().execute(sql`select 1`)).toBeTruthy();
  });
});
