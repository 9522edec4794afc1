/**
 * Exactly once after a killed worker (issue 17): a bulk job runs in a worker process of its own, which is killed
 * with SIGKILL in the middle of a batch (its transaction open, its writes not committed); a second worker process
 * takes the job once the first one's lease has run out, and finishes it. Every customer is changed once: none twice,
 * none skipped, one audit event each. PostgreSQL only: the embedded database serves one connection, one instance.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditEvents, backgroundJobs, bulkJobs, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { onRealPostgres } from "@/tests/support/concurrency";
import { runKillableScript } from "@/tests/support/child-process";
import { adminContext, createPartner } from "@/tests/support/factories";
import { startBulkJob } from "./start";

const COUNT = 1_000;

describe("a bulk job whose worker is killed", () => {
  it.skipIf(!onRealPostgres())("resumes in another worker process: every customer changed exactly once", { timeout: 120_000 }, async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    await db.execute(sql`
      insert into customers (partner_id, plan_id, name, notification_email)
      select ${acme.partner.id}, ${acme.plans.starter.id}, 'Killed worker ' || n, 'ops@example.test' from generate_series(1, ${COUNT}) n`);
    const ids = (await db.select({ id: customers.id }).from(customers).where(eq(customers.partnerId, acme.partner.id))).map((row) => row.id);
    const ctx = adminContext(acme.partner, acme.admin);
    const job = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "view", query: {} } });
    expect(job.total).toBe(COUNT);
    // Jobs other test files queued in this database and ran in-process are not this test's: the workers take ours only.
    const [ours] = await db.select({ queueJobId: bulkJobs.queueJobId }).from(bulkJobs).where(eq(bulkJobs.id, job.id));
    await db
      .update(backgroundJobs)
      .set({ status: "cancelled" })
      .where(and(eq(backgroundJobs.name, "bulk-job"), inArray(backgroundJobs.status, ["queued", "active"]), ne(backgroundJobs.id, ours!.queueJobId!)));
    const env = { BATCH_SIZE: "100", PAUSE_MS: "150", LEASE_MS: "1500", RUN_MS: "60000" };

    const first = runKillableScript("tests/support/bulk-job-worker.ts", env);
    // Killed while its third batch is written: two batches committed, the third open.
    let lines = "";
    first.process.stdout!.on("data", (chunk: Buffer) => (lines += chunk.toString()));
    await vi.waitFor(() => expect(lines.split("\n").filter((line) => line.includes('"writing"')).length).toBeGreaterThanOrEqual(3), {
      timeout: 60_000,
      interval: 5,
    });
    first.process.kill("SIGKILL");
    const killed = await first.exited;
    expect(killed.code).toBeNull();
    const [halfway] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, job.id));
    expect(halfway!.processed).toBeLessThan(COUNT);
    expect(halfway!.processed % 100).toBe(0);

    const second = runKillableScript("tests/support/bulk-job-worker.ts", { ...env, PAUSE_MS: "0" });
    await vi.waitFor(async () => expect((await db.select().from(bulkJobs).where(eq(bulkJobs.id, job.id)))[0]!.status).toBe("succeeded"), {
      timeout: 60_000,
      interval: 200,
    });
    const queueRecord = async () =>
      (
        await db
          .select()
          .from(backgroundJobs)
          .where(eq(backgroundJobs.id, (await db.select().from(bulkJobs).where(eq(bulkJobs.id, job.id)))[0]!.queueJobId!))
      )[0]!;
    await vi.waitFor(async () => expect((await queueRecord()).status).toBe("succeeded"), { timeout: 10_000, interval: 100 });
    second.process.kill("SIGTERM");
    await second.exited;

    const [done] = await db.select().from(bulkJobs).where(eq(bulkJobs.id, job.id));
    expect(done).toMatchObject({ status: "succeeded", total: COUNT, processed: COUNT, changed: COUNT, failed: 0 });
    const rows = await db.select({ planId: customers.planId }).from(customers).where(inArray(customers.id, ids));
    expect(rows.every((row) => row.planId === acme.plans.growth.id)).toBe(true);
    const events = await db
      .select({ customerId: auditEvents.customerId })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "customer.plan_changed")));
    expect(events).toHaveLength(COUNT);
    expect(new Set(events.map((event) => event.customerId)).size).toBe(COUNT);
    // The first attempt died with the killed process; the second finished the job.
    expect(await queueRecord()).toMatchObject({ status: "succeeded", attempts: 2 });
  });
});
