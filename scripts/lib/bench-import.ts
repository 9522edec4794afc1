/**
 * `npm run bench`'s CSV import figure (issue 17): a 100,000-row file, half new external IDs and half known ones,
 * validated and imported end to end, on a partner of its own so that the Customers table's partner stays as it is.
 */
import { loadavg } from "node:os";
import type { DatabaseHandle } from "../../db/connection";
import type { RequestContext } from "../../lib/context";
import { runImportJob } from "../../lib/customer-import/run-for-bench";
import { validateImport } from "../../lib/customer-import/validate-import";

export interface ImportFigure {
  rows: number;
  validateSeconds: number;
  importSeconds: number;
  rowsPerSecond: number;
  line: string;
}

/** The file: `half` updates of the partner's customers, then as many new customers. */
function importFile(half: number, stamp: string): Uint8Array {
  const lines = ["External ID,Name,Email,Plan,Trial"];
  for (let index = 0; index < half; index++) lines.push(`imp-${index},"Renamed ${index}, Inc.",ops${index}@renamed.example,Growth,`);
  for (let index = half; index < half * 2; index++) lines.push(`imp-${index},New ${stamp} ${index},new${index}@import.example,Starter,no`);
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function importFigure(handle: DatabaseHandle, adminId: number, rows = 100_000): Promise<ImportFigure> {
  const half = Math.floor(rows / 2);
  const stamp = new Date().toISOString();
  const [partner] = await handle.client<{ id: number; name: string }[]>`insert into partners (name) values (${`Import bench ${stamp}`}) returning id, name`;
  const partnerId = partner!.id;
  await handle.client`
    insert into plans (partner_id, name, task_limit, connection_limit, is_free, position)
    values (${partnerId}, 'Free', 100, 1, true, 0), (${partnerId}, 'Starter', 1000, 5, false, 1), (${partnerId}, 'Growth', 10000, 25, false, 2)`;
  await handle.client`insert into partner_members (partner_id, user_id, role) values (${partnerId}, ${adminId}, 'admin')`;
  await handle.client`
    insert into customers (partner_id, name, external_id, notification_email, plan_id)
    select ${partnerId}, 'Customer ' || n, 'imp-' || n, 'ops' || n || '@example.test', (select id from plans where partner_id = ${partnerId} and name = 'Starter')
      from generate_series(0, ${half - 1}) n`;
  // The partner as the console would have left it: an import of these customers, or the API's creations once
  // autovacuum caught up (migration 0019), refreshes the statistics. Without this the planner believes the partner has
  // one customer (a validation of this file then took 565 s: lib/db/statistics.ts).
  await handle.client`analyze customers`;
  const ctx: RequestContext = {
    partnerId,
    partnerName: partner!.name,
    actor: {
      kind: "user",
      userId: adminId,
      name: "Bench Admin",
      email: "bench-admin@bench.example",
      avatarUrl: "",
      partnerRole: "admin",
      sessionIdHash: "bench",
    },
    account: { kind: "partner" },
    now: new Date(),
    ip: null,
    userAgent: "bench",
  };
  const bytes = importFile(half, stamp);
  const started = performance.now();
  const view = await validateImport(ctx, { bytes, fileName: "bench.csv" });
  const validated = performance.now();
  if (view.errorRows > 0 || view.createRows !== half || view.updateRows !== half)
    throw new Error(`The bench file did not validate as expected: ${JSON.stringify(view.errors.slice(0, 3))}`);
  const job = await runImportJob(ctx, view.id!);
  const finished = performance.now();
  const [{ changed } = { changed: -1 }] = await handle.client<{ changed: number }[]>`select changed from bulk_jobs where id = ${job.id}`;
  if (changed !== half * 2) throw new Error(`The bench import changed ${changed} customers, not ${half * 2}.`);
  const validateSeconds = (validated - started) / 1000;
  const importSeconds = (finished - validated) / 1000;
  const rowsPerSecond = (half * 2) / (validateSeconds + importSeconds);
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
  const line =
    `CSV import, ${(half * 2).toLocaleString("en")} rows (${half.toLocaleString("en")} new, ${half.toLocaleString("en")} updates), ` +
    `${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB: validation ${validateSeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s, ` +
    `${Math.round(rowsPerSecond).toLocaleString("en")} rows/s end to end (target ≥ 5,000) — load average ${load}`;
  return { rows: half * 2, validateSeconds, importSeconds, rowsPerSecond, line };
}
