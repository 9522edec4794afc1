/**
 * The bulk-job figures of `npm run bench` (issue 17): the plan change of every customer of a filtered view of the
 * million, end to end (the snapshot, every batch with its counters, status and audit events), and the Customers
 * page's SQL p95 while that job runs against its idle p95, side by side in the same run. The customers move to a plan
 * of the benchmark's own ("Bulk bench", empty before), and a second job moves exactly them back, so the partner's data
 * stays as seeded (its audit log grows by two events a customer).
 */
import { execSync } from "node:child_process";
import type { DatabaseHandle } from "../../db/connection";
import type { RequestContext } from "../../lib/context";
import { runBulkJob } from "../../lib/bulk-jobs/run";
import { startBulkJob } from "../../lib/bulk-jobs/start";
import { getBulkJob } from "../../lib/bulk-jobs/read";
import { DEFAULT_CUSTOMER_QUERY } from "../../lib/customers/query-input";
import { loadCustomersPage, partnerPlans } from "../../lib/customers/reads/table";
import { percentile } from "./percentile";

const BENCH_PLAN = "Bulk bench";
const ms = (value: number) => value.toFixed(2).padStart(7);
const load = () =>
  execSync("uptime")
    .toString()
    .trim()
    .replace(/^.*load average: /, "load ");

/** The page's SQL, timed again and again until `until` settles (or `runs` times when idle). */
async function pageSamples(ctx: RequestContext, until: Promise<unknown> | null, runs: number): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void until?.finally(() => (done = true));
  for (let index = 0; until ? !done : index < runs; index++) {
    const started = performance.now();
    await loadCustomersPage({ ...ctx, now: new Date() }, DEFAULT_CUSTOMER_QUERY);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function changePlan(ctx: RequestContext, fromPlan: { id: number; name: string }, toPlan: { id: number; name: string }, measurePage: boolean) {
  const loadBefore = load();
  const started = performance.now();
  const job = await startBulkJob(
    { ...ctx, now: new Date() },
    { action: { type: "change_plan", planId: toPlan.id }, selection: { kind: "view", query: { plans: [fromPlan.id], status: "active" } } },
  );
  const snapshotMs = performance.now() - started;
  const running = runBulkJob(
    { id: 0, name: "bulk-job", payload: { bulkJobId: job.id, partnerId: ctx.partnerId }, attempt: 1, maxAttempts: 1 },
    { signal: new AbortController().signal },
  );
  const during = measurePage ? await pageSamples(ctx, running, 0) : [];
  await running;
  const totalMs = performance.now() - started;
  const finished = await getBulkJob(ctx, job.id);
  if (finished.status !== "succeeded" || finished.changed !== finished.total)
    throw new Error(`The bulk job ended ${finished.status}: ${JSON.stringify(finished.errors)}`);
  return { job: finished, snapshotMs, totalMs, rate: finished.total / (totalMs / 1000), during, loadBefore, loadAfter: load() };
}

export async function bulkFigures(handle: DatabaseHandle, ctx: RequestContext, runs: number): Promise<void> {
  await handle.client`
    insert into plans (partner_id, name, task_limit, connection_limit, position)
    values (${ctx.partnerId}, ${BENCH_PLAN}, 1000, 10, 99) on conflict do nothing`;
  const plans = await partnerPlans(handle.db, ctx.partnerId);
  const to = plans.find((plan) => plan.name === BENCH_PLAN)!;
  const [from] = plans.filter((plan) => !plan.isFree && plan.id !== to.id);
  if (!from) throw new Error("The benchmark partner needs a plan besides Free.");

  console.log(`\nBulk job: change the plan of every Active customer on plan ${from.name} to ${to.name} (PostgreSQL)`);
  const idleLoad = load();
  const idle = await pageSamples(ctx, null, runs);
  const there = await changePlan(ctx, from, to, true);
  const back = await changePlan(ctx, to, from, false);
  const idleP95 = percentile(idle, 95);
  const busyP95 = percentile(there.during, 95);
  const lines = [
    `view: ${there.job.selectionDescription}`,
    `customers changed: ${there.job.changed.toLocaleString("en")} in ${(there.totalMs / 1000).toFixed(1)} s end to end (snapshot ${(there.snapshotMs / 1000).toFixed(1)} s): ${Math.round(there.rate).toLocaleString("en")} customers/s (target 15,000) [${there.loadBefore} → ${there.loadAfter}]`,
    `and back: ${back.job.changed.toLocaleString("en")} in ${(back.totalMs / 1000).toFixed(1)} s (snapshot ${(back.snapshotMs / 1000).toFixed(1)} s): ${Math.round(back.rate).toLocaleString("en")} customers/s [${back.loadBefore} → ${back.loadAfter}]`,
    `Customers page SQL (loadCustomersPage, first page): idle p50 ${ms(percentile(idle, 50))} p95 ${ms(idleP95)} (${idle.length} runs) [${idleLoad}]`,
    `                          while the job runs: p50 ${ms(percentile(there.during, 50))} p95 ${ms(busyP95)} (${there.during.length} runs): ${(busyP95 / idleP95).toFixed(2)}× idle (target ≤ 2×)`,
  ];
  for (const line of lines) console.log(line);
}
