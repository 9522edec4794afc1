/**
 * `npm run cluster`: builds the console once, starts N instances (`-- --instances 3` by default) of the production
 * server (scripts/server.ts) on their own ports, and Debian's haproxy in front of them on one port, with health
 * checks on /api/health/ready; prints the URL, and stops everything on Ctrl-C (each instance drains first).
 *
 * Needs DATABASE_URL (several instances share one PostgreSQL; the embedded database serves one process) and
 * `haproxy` on PATH (`apt-get install haproxy`). CLUSTER_PORT (default 3000) is the balancer's port; the instances
 * take the ports after it. SKIP_BUILD=1 reuses the last build.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { runMigrations } from "../db/migrate";
import { authSecret } from "./lib/auth-secret";
import { startCluster } from "./lib/cluster";
import { openScriptDatabase } from "./lib/database";

const { values } = parseArgs({ options: { instances: { type: "string", default: "3" }, help: { type: "boolean", default: false } } });
if (values.help) {
  console.log("npm run cluster -- [--instances N]   (DATABASE_URL required; CLUSTER_PORT, SKIP_BUILD=1)");
  process.exit(0);
}
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error("--instances must be a whole number from 1 to 16.");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL database: several instances cannot share the embedded one.");
  process.exit(2);
}
const balancerPort = Number(process.env.CLUSTER_PORT ?? 3000);
const require = createRequire(import.meta.url);

const database = await openScriptDatabase();
await runMigrations(database.db);
await database.release();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${balancerPort}`,
  DATABASE_EMBEDDED: "0",
};
if (process.env.SKIP_BUILD !== "1") {
  console.log("Building the console once for every instance…");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const cluster = await startCluster({ count, balancerPort, env, output: "inherit" });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping: each instance finishes its requests in flight first.");
  await cluster.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
void cluster.balancerExited.then(() => stop(1));

const ports = cluster.instances.map((item) => item.port);
console.log(
  `\n  Partner console: ${count} instances (ports ${ports.join(", ")}) behind haproxy on http://localhost:${balancerPort}\n  Ctrl-C stops them all.\n`,
);
