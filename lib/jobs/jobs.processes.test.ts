/**
 * Two instances race for the same period of a periodic job: two real Node.js processes, each with its own
 * connection pool and worker, started at the same instant. The job runs exactly once, and its record says so.
 * PostgreSQL only: the embedded database serves one connection, i.e. one instance, by design.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { onRealPostgres } from "@/tests/support/concurrency";
import { runScript } from "@/tests/support/child-process";

describe("a periodic job across instances", () => {
  it.skipIf(!onRealPostgres())("runs once per period when two worker processes race for it", { timeout: 60_000 }, async () => {
    const name = `race-${Date.now().toString(36)}`;
    const env = { JOB_NAME: name, START_AT: String(Date.now() + 4_000), RUN_MS: "2000" };
    const children = [runScript("tests/support/job-race-worker.ts", env), runScript("tests/support/job-race-worker.ts", env)];
    const results = await Promise.all(children.map((child) => child.exited));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const lines = results.flatMap((result) =>
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { ran?: string; done?: number }),
    );
    // Both processes were up and polling the queue for the whole period...
    expect(lines.filter((line) => line.done)).toHaveLength(2);
    // ...and exactly one of them ran the job.
    expect(lines.filter((line) => line.ran === name)).toHaveLength(1);
    const runs = await getDatabase().select().from(backgroundJobs).where(eq(backgroundJobs.name, name));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded", attempts: 1, rowsTouched: 1, error: null });
    expect(runs[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(runs[0]!.startedAt!.getTime());
  });
});
