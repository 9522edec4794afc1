/**
 * One instance's job worker running bulk jobs, as a process of its own (lib/bulk-jobs/bulk-jobs.processes.test.ts):
 * batches of BATCH_SIZE customers, each held open PAUSE_MS after its writes (so that a kill lands inside one), a
 * lease of LEASE_MS. It prints one JSON line per batch it committed, and runs until it is killed or RUN_MS passes.
 */
import { closeDatabase } from "@/lib/db";
import { runBulkJob } from "@/lib/bulk-jobs/run";
import { BULK_JOB_QUEUE_NAME } from "@/lib/bulk-jobs/queue-name";
import { startWorker } from "@/lib/jobs/worker";

const pauseMs = Number(process.env.PAUSE_MS ?? 100);
const worker = startWorker({
  handlers: {
    [BULK_JOB_QUEUE_NAME]: (job, ctx) =>
      runBulkJob(job, ctx, {
        batchSize: Number(process.env.BATCH_SIZE ?? 100),
        afterBatchWrites: async (batch) => {
          console.log(JSON.stringify({ writing: batch, pid: process.pid }));
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        },
      }),
  },
  pollMs: 50,
  leaseMs: Number(process.env.LEASE_MS ?? 2_000),
  workerId: `bulk-${process.pid}`,
});
await new Promise((resolve) => setTimeout(resolve, Number(process.env.RUN_MS ?? 20_000)));
await worker.stop();
await closeDatabase();
console.log(JSON.stringify({ done: process.pid }));
