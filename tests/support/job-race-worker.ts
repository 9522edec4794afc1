/**
 * One instance's job worker, as a process of its own (lib/jobs/jobs.processes.test.ts): from START_AT it queues the
 * current period of the periodic job JOB_NAME and runs whatever it claims, for RUN_MS; it prints one JSON line per
 * run it made, then stops its worker and exits.
 */
import { closeDatabase } from "@/lib/db";
import { periodicHandlers, periodicScheduler, type PeriodicJob } from "@/lib/jobs/periodic";
import { startWorker } from "@/lib/jobs/worker";

const name = process.env.JOB_NAME!;
const job: PeriodicJob = {
  name,
  everyMs: 60 * 60_000,
  run: async () => {
    console.log(JSON.stringify({ ran: name, pid: process.pid }));
    // Long enough for the other process to poll while this one runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 1;
  },
};

await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.START_AT) - Date.now())));
const worker = startWorker({ handlers: periodicHandlers([job]), beforePoll: periodicScheduler([job]), pollMs: 20, workerId: `race-${process.pid}` });
await new Promise((resolve) => setTimeout(resolve, Number(process.env.RUN_MS ?? 1_500)));
await worker.stop();
await closeDatabase();
console.log(JSON.stringify({ done: process.pid }));
