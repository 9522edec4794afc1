/**
 * An instance's job lanes on the real database: a long job, in the long lane or a periodic one in the periodic
 * lane, does not hold up a short periodic job; stopping drains every lane. (In the 3-instance load run of issue 16
 * the ended-trials flag waited behind the notifications' first pass, when each instance ran one job at a time.)
 */
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { backgroundJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { enqueueJob } from "./queue";
import { startJobWorker, stopJobWorker } from "./start";
import type { JobHandler } from "./worker";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const HOUR_MS = 60 * 60_000;

/** A job that runs until released, and says when it started. */
function gate() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  return { release, started: () => started, run: async () => ((started = true), await released) };
}

async function statusesOf(names: string[]): Promise<Record<string, string[]>> {
  const rows = await getDatabase().select().from(backgroundJobs).where(inArray(backgroundJobs.name, names));
  return Object.fromEntries(names.map((name) => [name, rows.filter((row) => row.name === name).map((row) => row.status)]));
}

afterEach(() => stopJobWorker(1_000));

describe("the job lanes", () => {
  it("run a short periodic job while a long periodic job and a long bulk job are running, and drain all of them on stop", { timeout: 30_000 }, async () => {
    const [slowPeriodic, quickPeriodic, bulk] = [unique("slow-periodic"), unique("quick-periodic"), unique("bulk")];
    const slow = gate();
    const long = gate();
    let quickRuns = 0;
    const bulkHandler: JobHandler = async () => {
      await long.run();
      return { rowsTouched: 7 };
    };
    // The long job is queued first, so that a worker running one job at a time would be busy with it.
    await enqueueJob(bulk);
    const lanes = startJobWorker({
      periodic: [
        { name: slowPeriodic, everyMs: HOUR_MS, run: async () => (await slow.run(), 1) },
        { name: quickPeriodic, everyMs: HOUR_MS, run: async () => ++quickRuns },
      ],
      long: { [bulk]: bulkHandler },
      longConcurrency: 1,
      pollMs: 50,
    })!;
    expect(lanes.long).not.toBeNull();

    // The quick job runs to the end while both long ones are still running.
    await vi.waitFor(async () => expect(await statusesOf([quickPeriodic])).toEqual({ [quickPeriodic]: ["succeeded"] }), { timeout: 5_000 });
    expect([slow.started(), long.started()]).toEqual([true, true]);
    expect(await statusesOf([slowPeriodic, bulk])).toEqual({ [slowPeriodic]: ["active"], [bulk]: ["active"] });
    expect(quickRuns).toBe(1);

    // Stopping waits for the running jobs of both lanes (they finish within the time given) and claims nothing more.
    const stopped = stopJobWorker(10_000);
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    slow.release();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false); // the long lane is still draining
    long.release();
    await stopped;
    expect(await statusesOf([slowPeriodic, quickPeriodic, bulk])).toEqual({
      [slowPeriodic]: ["succeeded"],
      [quickPeriodic]: ["succeeded"],
      [bulk]: ["succeeded"],
    });
    const [bulkRun] = await getDatabase().select().from(backgroundJobs).where(eq(backgroundJobs.name, bulk));
    expect(bulkRun).toMatchObject({ rowsTouched: 7, attempts: 1, lockedBy: null });

    const after = (await enqueueJob(bulk))!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getDatabase().select().from(backgroundJobs).where(eq(backgroundJobs.id, after)))[0]!.status).toBe("queued");
  });

  it("hand back the jobs of every lane that overrun the stop, for another instance", { timeout: 30_000 }, async () => {
    const [slowPeriodic, bulk] = [unique("overrun-periodic"), unique("overrun-bulk")];
    // The bulk job stops at its signal; the periodic one (whose run gets no signal) finishes its step a second later.
    const untilAborted: JobHandler = (_job, { signal }) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error)));
    await enqueueJob(bulk);
    startJobWorker({
      periodic: [{ name: slowPeriodic, everyMs: HOUR_MS, run: () => new Promise((resolve) => setTimeout(() => resolve(0), 1_500)) }],
      long: { [bulk]: untilAborted },
      pollMs: 50,
    });
    await vi.waitFor(async () => expect(await statusesOf([slowPeriodic, bulk])).toEqual({ [slowPeriodic]: ["active"], [bulk]: ["active"] }), {
      timeout: 5_000,
    });
    await stopJobWorker(200);
    // Queued again, the interrupted attempt not counted: another instance's worker takes each up from the start.
    await vi.waitFor(async () => expect(await statusesOf([slowPeriodic, bulk])).toEqual({ [slowPeriodic]: ["queued"], [bulk]: ["queued"] }), {
      timeout: 5_000,
    });
    const rows = await getDatabase()
      .select()
      .from(backgroundJobs)
      .where(inArray(backgroundJobs.name, [slowPeriodic, bulk]));
    expect(rows.map((row) => [row.attempts, row.lockedBy])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it("refuse a job in both lanes, and leave out the long lane when its concurrency is 0", () => {
    const both = unique("both");
    expect(() => startJobWorker({ periodic: [{ name: both, everyMs: HOUR_MS, run: async () => 0 }], long: { [both]: async () => undefined } })).toThrow(
      /one lane only/,
    );
    const lanes = startJobWorker({ periodic: [], long: { [unique("bulk")]: async () => undefined }, longConcurrency: 0 })!;
    expect(lanes.long).toBeNull();
  });
});
