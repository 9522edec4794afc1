/**
 * `npm run load`: the console under load (issue #7). Seeds (or reuses) the benchmark partner with its million
 * customers in LOAD_DATABASE_URL, starts `next start` on it, and drives it with LOAD_CONNECTIONS (100) simulated clients for LOAD_DURATION (60)
 * seconds (scripts/lib/load-driver.ts), each going round the same mix of reads and writes, one request at a time:
 *
 *   GET /api/managed_users (a page, then a search) · GET /customers (the page, signed in, then sorted by name) ·
 *   POST /api/managed_users (a new customer, with an external ID unique to the request) ·
 *   PUT /api/managed_users/:id (a new notification email, for a customer no other request touches)
 *
 * It prints the throughput, p50/p95/p99, the errors by status (or by what failed, for a request with no full
 * answer), and then checks every acknowledged write (a 2xx) in the database: writes lost must be 0; that every
 * answer answered its own request (the write's body, the echoed X-Request-Id); and that each periodic job ran once
 * per period.
 *
 * `npm run load -- --restart-postgres` also runs LOAD_PG_RESTART_COMMAND once, halfway through (for instance
 * `pg_ctlcluster 15 load restart` for a cluster of its own on port 5433: never restart a server others use). The
 * errors are then told apart: inside the outage (from the restart until the health route answers again, plus
 * the request timeout for requests already in flight), where 503s are expected, and outside it, where there must be
 * none; it also prints how long the outage lasted and how long the console took to recover.
 *
 * `npm run load -- --instances 3` runs the same traffic through haproxy in front of three instances of the production
 * server (scripts/lib/cluster.ts), SIGKILLs the first a third of the way in and restarts the second (SIGTERM, then a
 * new process) halfway; it counts per instance (haproxy adds `X-Served-By`), tells the errors of requests in flight on
 * the killed instance from any other, and then checks what the instances must share: a rate limit (a burst of one
 * client at the documented limit), a session revoked on one instance, and the periodic jobs' one run per period.
 *
 * The API's per-client rate limits would turn the run into 429s: the server started here gets
 * API_RATE_LIMIT_CUSTOMERS raised (see lib/api/rate-limit.ts). Run through `npm run load`, which sets the
 * react-server condition so the server-only modules load in Node.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import type { IncomingHttpHeaders } from "node:http";
import { BENCH_PARTNER_NAME } from "../db/seed/large";
import { createFullAccessClient } from "../lib/api-clients/full-access";
import { PERIODIC_JOBS } from "../lib/jobs/periodic";
import { BENCH_ADMIN, openBenchPartner } from "./lib/bench-partner";
import { startCluster, type Cluster } from "./lib/cluster";
import { periodicJobsRanOnce, rateLimitHeld, revocationHeld, type Check } from "./lib/cluster-checks";
import { signInCookie } from "./lib/first-load-js";
import { driveLoad, type LoadAnswer, type LoadFailure, type LoadRequest, type LoadStep } from "./lib/load-driver";
import { BENCH_NEXTAUTH_SECRET, ensureBuild, startNextServer } from "./lib/next-server";
import { percentile } from "./lib/percentile";

const HELP = `npm run load [-- options]: mixed API and Customers page traffic at a million customers (docs/reliability.md).

  --restart-postgres   run LOAD_PG_RESTART_COMMAND once, halfway through (never on a server others use)
  --instances N        N instances of the production server behind haproxy (on LOAD_PORT, the instances on the
                       ports after it); the first is killed (SIGKILL) a third of the way in, the second restarted
                       (SIGTERM, then started again) halfway; needs haproxy on PATH
  --help               print this and exit

Environment: LOAD_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/console_load),
LOAD_CUSTOMERS (1000000), LOAD_DURATION (60 s), LOAD_CONNECTIONS (100), LOAD_PORT (3410), LOAD_TIMEOUT (10 s),
LOAD_RESTART_AT (half the duration), LOAD_PG_RESTART_COMMAND.`;
const { values: args } = parseArgs({
  options: {
    help: { type: "boolean", short: "h", default: false },
    "restart-postgres": { type: "boolean", default: false },
    instances: { type: "string" },
  },
});
// Before anything touches a database: the README's command test runs this on every CI run.
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const INSTANCES = args.instances === undefined ? null : Number(args.instances);
if (INSTANCES !== null && (!Number.isInteger(INSTANCES) || INSTANCES < 2 || INSTANCES > 8)) {
  console.error("--instances must be a whole number from 2 to 8 (one instance is the run without --instances).");
  process.exit(2);
}

const url = process.env.LOAD_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/console_load";
const CUSTOMERS = Number(process.env.LOAD_CUSTOMERS ?? 1_000_000);
const DURATION_S = Number(process.env.LOAD_DURATION ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const PORT = Number(process.env.LOAD_PORT ?? 3410);
/** A request with no answer after this long counts as an error (a hang), and the connection is reopened. */
const TIMEOUT_S = Number(process.env.LOAD_TIMEOUT ?? 10);
const restartPostgres = args["restart-postgres"];
const RESTART_COMMAND = process.env.LOAD_PG_RESTART_COMMAND;
const RESTART_AT_S = Number(process.env.LOAD_RESTART_AT ?? DURATION_S / 2);
/** High enough that no request of the run is refused for its rate; the documented limit is 1,000 a minute. */
const RATE_LIMIT_ENV = { API_RATE_LIMIT_CUSTOMERS: "100000000" };

if (restartPostgres && !RESTART_COMMAND) {
  console.error("--restart-postgres needs LOAD_PG_RESTART_COMMAND, e.g. LOAD_PG_RESTART_COMMAND='pg_ctlcluster 15 load restart'.");
  process.exit(1);
}

// ─── The database and the server ─────────────────────────────────────────────
const { handle, partner } = await openBenchPartner(url, { customers: CUSTOMERS });
// The API token is made by the data-access layer, which opens its own handle on DATABASE_URL.
process.env.DATABASE_URL = url;
process.env.DATABASE_EMBEDDED = "0";
const runId = Date.now().toString(36);
const { token } = await createFullAccessClient(BENCH_PARTNER_NAME, `Load test ${runId}`, new Date());
// Customers that receive the PUTs, each at most once, so that each acknowledged update can be checked on its own.
const updateTargets = (await handle.client<{ id: number }[]>`select id from customers where partner_id = ${partner.id} order by id desc limit 500000`).map(
  (row) => row.id,
);

const raised = `${Object.entries(RATE_LIMIT_ENV)
  .map(([key, value]) => `${key}=${value}`)
  .join(" ")} (rate limits raised for the run)`;
let cluster: Cluster | null = null;
let stopServer: () => Promise<void>;
let origin: string;
if (INSTANCES === null) {
  console.log(`Starting next start on port ${PORT}, with ${raised}.`);
  const server = await startNextServer({ port: PORT, databaseUrl: url, env: RATE_LIMIT_ENV });
  origin = server.origin;
  stopServer = async () => server.stop();
} else {
  await ensureBuild();
  console.log(`Starting ${INSTANCES} instances behind haproxy on port ${PORT}, with ${raised}.`);
  cluster = await startCluster({
    count: INSTANCES,
    balancerPort: PORT,
    output: "ignore",
    servedBy: true,
    onRequestLog: noteHaproxyLine,
    env: {
      ...process.env,
      ...RATE_LIMIT_ENV,
      DATABASE_URL: url,
      DATABASE_EMBEDDED: "0",
      NEXTAUTH_SECRET: BENCH_NEXTAUTH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NODE_ENV: "production",
      // This script's react-server condition is for its own imports, not for the servers.
      NODE_OPTIONS: "",
    },
  });
  origin = cluster.origin;
  stopServer = () => cluster!.stop();
}

// ─── The traffic ─────────────────────────────────────────────────────────────
type Kind = "api list" | "api search" | "page" | "page sorted" | "create" | "update";
interface Outcome {
  kind: Kind;
  /** 0 for a request with no full answer: its connection failed, was cut mid-answer, or it timed out. */
  status: number;
  /** What failed, for a request with no full answer. */
  error?: string;
  /**
   * The instance that answered (haproxy's X-Served-By), when there are several; for a request cut off before any
   * answer, the instance haproxy's log says it went to.
   */
  servedBy: string;
  requestId: string;
  startedAt: number;
  endedAt: number;
}
const outcomes: Outcome[] = [];
/** Answers carrying another request's X-Request-Id (the server echoes it): must be 0 (see scripts/lib/load-driver.ts). */
const mispaired: string[] = [];
let echoes = 0;
/** 2xx answers whose body is not what the API documents: each is a failure, shown. */
const malformed: string[] = [];
const created: { id: number; externalId: string }[] = [];
const updated: { id: number; email: string }[] = [];
let nextTarget = 0;
const SEARCH_TERMS = ["ston", "tech", "lab", "sol", "ver", "ark", "cap", "ind"];

/** Records an acknowledged write; throws when the body is not the documented answer to `request`. */
type Step = LoadStep<Kind> & { record?: (body: unknown, request: LoadRequest) => void };
const requestId = (n: number) => `load-${runId}-${n}`;
const servedBy = (headers: IncomingHttpHeaders | null) => String(headers?.["x-served-by"] ?? "");

/** haproxy's log of the run, by request ID: the instance each request went to, and how it ended there. */
const haproxyLog = new Map<string, { instance: string; ended: string }>();
function noteHaproxyLine(line: string) {
  const [id, instance, , ended] = line.trim().split(/\s+/);
  if (id && id !== "-" && instance && instance !== "<NOSRV>") haproxyLog.set(id, { instance, ended: ended ?? "" });
}

function step({ kind, build, record }: Step): Step {
  return {
    kind,
    record,
    // The server echoes the request ID (lib/observability/request-log.ts): an answer carrying another one was paired
    // with the wrong request by the client.
    build: (n) => {
      const built = build(n);
      return built && { ...built, headers: { ...built.headers, "x-request-id": requestId(n) } };
    },
  };
}

function onAnswer(answer: LoadAnswer<Kind>, record: Step["record"]) {
  const sent = answer.request.headers["x-request-id"];
  const echoed = answer.headers["x-request-id"];
  if (echoed !== undefined) echoes += 1;
  // `next start` (the one-instance run) echoes none; the production server behind haproxy echoes every one.
  if (echoed !== undefined && echoed !== sent) mispaired.push(`${answer.kind} ${String(sent)} got the answer of ${String(echoed)}`);
  outcomes.push({
    kind: answer.kind,
    status: answer.status,
    servedBy: servedBy(answer.headers),
    requestId: String(sent),
    startedAt: answer.startedAt,
    endedAt: answer.endedAt,
  });
  if (answer.status >= 200 && answer.status < 300 && record) {
    try {
      record(JSON.parse(answer.body), answer.request);
    } catch {
      malformed.push(`${answer.status} (${answer.kind}, ${String(sent)}): ${answer.body.slice(0, 200)}`);
    }
  }
}

function onFailure(failure: LoadFailure<Kind>) {
  outcomes.push({
    kind: failure.kind,
    status: 0,
    error: failure.message,
    servedBy: servedBy(failure.headers),
    requestId: String(failure.request.headers["x-request-id"]),
    startedAt: failure.startedAt,
    endedAt: failure.endedAt,
  });
}

const api = { authorization: `Bearer ${token}` };
const json = { ...api, "content-type": "application/json" };
const cookie = await signInCookie(origin, BENCH_ADMIN.email, BENCH_ADMIN.password);
if (!cookie.includes("session-token")) throw new Error("Could not sign in as the bench admin.");
const console_ = { cookie };

const requests = [
  step({ kind: "api list", build: () => ({ method: "GET", path: "/api/managed_users?size=50", headers: api }) }),
  step({ kind: "api search", build: (n) => ({ method: "GET", path: `/api/managed_users?q=${SEARCH_TERMS[n % SEARCH_TERMS.length]}`, headers: api }) }),
  step({ kind: "page", build: () => ({ method: "GET", path: "/customers", headers: console_ }) }),
  step({ kind: "page sorted", build: () => ({ method: "GET", path: "/customers?sort=name&dir=asc", headers: console_ }) }),
  step({
    kind: "create",
    build: (n) => ({
      method: "POST",
      path: "/api/managed_users",
      headers: json,
      body: JSON.stringify({ name: `Load ${runId} ${n}`, notification_email: `load-${runId}-${n}@load.example`, external_id: `load-${runId}-${n}` }),
    }),
    record: (body, request) => {
      const { result } = body as { result: { id: number; external_id: string } };
      if (typeof result.id !== "number") throw new Error("no ID");
      if (result.external_id !== (JSON.parse(request.body!) as { external_id: string }).external_id) throw new Error("another request's customer");
      created.push({ id: result.id, externalId: result.external_id });
    },
  }),
  step({
    kind: "update",
    build: (n) => {
      const id = updateTargets[nextTarget++];
      if (id === undefined) return null;
      return {
        method: "PUT",
        path: `/api/managed_users/${id}`,
        headers: json,
        body: JSON.stringify({ notification_email: `load-${runId}-${n}@update.example` }),
      };
    },
    record: (body, request) => {
      const { result } = body as { result: { id: number; notification_email: string } };
      if (result.id !== Number(request.path.split("/").pop())) throw new Error("another request's customer");
      updated.push({ id: result.id, email: result.notification_email });
    },
  }),
];

// ─── The outage: a restart halfway, and a probe of the health route ──────────
const health: { at: number; up: boolean }[] = [];
let probing = true;
async function probeHealth() {
  while (probing) {
    const at = Date.now();
    // A probe that times out says the server is busy, not that the database is down: only answers count.
    const answer = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => (response.ok ? "up" : "down"),
      (error: Error) => (error.name === "TimeoutError" ? "slow" : "down"),
    );
    if (answer !== "slow") health.push({ at, up: answer === "up" });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Several instances: each one's readiness route asked directly every second, as haproxy's check does, timed. haproxy
 * takes an instance out after two checks in a row that fail or take over 3 s (scripts/lib/haproxy-config.ts): a busy
 * but healthy instance must answer in time.
 */
const readiness: { id: string; ms: number; status: number }[] = [];
async function probeReadiness() {
  while (probing && cluster) {
    await Promise.all(
      cluster.instances.map(async (item) => {
        const at = Date.now();
        const status = await fetch(`http://127.0.0.1:${item.port}/api/health/ready`, { signal: AbortSignal.timeout(10_000) }).then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => 0,
        );
        // Refused: killed, or stopped and not started again yet; not a check of a live instance.
        if (status !== 0 || Date.now() - at > 100) readiness.push({ id: item.id, ms: Date.now() - at, status });
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const restart: { startedAt?: number; endedAt?: number; code?: number | null } = {};
function scheduleRestart() {
  if (!restartPostgres) return;
  setTimeout(() => {
    restart.startedAt = Date.now();
    console.log(`\n[${((restart.startedAt - runStartedAt) / 1000).toFixed(1)} s] ${RESTART_COMMAND}`);
    spawn(RESTART_COMMAND!, { shell: true, stdio: "inherit" }).on("exit", (code) => {
      restart.endedAt = Date.now();
      restart.code = code;
    });
  }, RESTART_AT_S * 1000);
}

// ─── Several instances: one killed, one restarted ───────────────────────────
const KILL_AT_S = DURATION_S / 3;
/** Settles once the restarted instance is ready again (or failed to start): the checks after the run need it. */
let restartSettled: Promise<void> = Promise.resolve();
const instanceEvents: { killedAt?: number; termAt?: number; stoppedAt?: number; readyAgainAt?: number; error?: string } = {};
function scheduleInstanceFaults() {
  if (!cluster) return;
  const [killed, restarted] = cluster.instances;
  const at = (when: number) => `[${((when - runStartedAt) / 1000).toFixed(1)} s]`;
  setTimeout(() => {
    instanceEvents.killedAt = Date.now();
    console.log(`\n${at(instanceEvents.killedAt)} SIGKILL ${killed!.id}`);
    void killed!.stop("SIGKILL");
  }, KILL_AT_S * 1000);
  let restartDone!: () => void;
  restartSettled = new Promise<void>((resolve) => (restartDone = resolve));
  setTimeout(async () => {
    instanceEvents.termAt = Date.now();
    console.log(`\n${at(instanceEvents.termAt)} SIGTERM ${restarted!.id}`);
    await restarted!.stop("SIGTERM");
    instanceEvents.stoppedAt = Date.now();
    console.log(`\n${at(instanceEvents.stoppedAt)} ${restarted!.id} drained and exited; starting it again`);
    await restarted!.start().then(
      () => {
        instanceEvents.readyAgainAt = Date.now();
        console.log(`\n${at(instanceEvents.readyAgainAt)} ${restarted!.id} ready again`);
      },
      (error: Error) => (instanceEvents.error = error.message),
    );
    restartDone();
  }, RESTART_AT_S * 1000);
}

console.log(
  `\nLoad: ${CONNECTIONS} connections for ${DURATION_S} s on ${partner.n.toLocaleString("en")} customers${restartPostgres ? `, PostgreSQL restarted at ${RESTART_AT_S} s` : ""}${cluster ? ` through haproxy to ${cluster.instances.length} instances, ${cluster.instances[0]!.id} killed at ${KILL_AT_S.toFixed(0)} s, ${cluster.instances[1]!.id} restarted at ${RESTART_AT_S.toFixed(0)} s` : ""}…`,
);
const runStartedAt = Date.now();
const runStartedDate = new Date(runStartedAt);
const probe = Promise.all([probeHealth(), probeReadiness()]);
scheduleRestart();
scheduleInstanceFaults();
const byKind = new Map(requests.map((item) => [item.kind, item]));
const { sent } = await driveLoad({
  origin,
  connections: CONNECTIONS,
  durationS: DURATION_S,
  timeoutS: TIMEOUT_S,
  steps: requests,
  onAnswer: (answer) => onAnswer(answer, byKind.get(answer.kind)!.record),
  onFailure,
});
const runEndedAt = Date.now();
probing = false;
await probe;
// The restarted instance may still be starting on a busy machine: the figures and checks below wait for it.
await restartSettled;

// ─── Figures ─────────────────────────────────────────────────────────────────
const ms = (value: number) => `${value.toFixed(0)} ms`;
/** A percentile of some latencies, or a dash when there are none (an instance that answered nothing). */
const pct = (times: number[], p: number) => (times.length > 0 ? ms(percentile(times, p)) : "–");
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

/** The outage window: from the restart until the health route answered again (and the connections caught up). */
function outageWindow(): { from: number; to: number; downFor: number | null; recoveredAfter: number | null } | null {
  if (restart.startedAt === undefined) return null;
  const after = health.filter((sample) => sample.at >= restart.startedAt!);
  const firstDown = after.find((sample) => !sample.up);
  // Back up: the health route answers after the restart command has returned (a server that is still restarting
  // cannot be back, though a pooled connection may answer the probe between its stop and its start).
  const restarted = restart.endedAt ?? runEndedAt;
  const backUp = after.find((sample) => sample.up && sample.at >= restarted && (!firstDown || sample.at > firstDown.at));
  const end = backUp?.at ?? restarted;
  return {
    from: restart.startedAt,
    // Requests in flight when the database came back may still end in an error until they time out.
    to: end + TIMEOUT_S * 1000,
    downFor: firstDown && backUp ? backUp.at - firstDown.at : null,
    recoveredAfter: backUp && restart.endedAt ? backUp.at - restart.endedAt : null,
  };
}
const outage = outageWindow();
const inOutage = (startedAt: number, endedAt: number) => outage !== null && endedAt >= outage.from && startedAt <= outage.to;

function errorTally(items: { label: string }[]): string {
  const counts = new Map<string, number>();
  for (const { label } of items) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts.size === 0 ? "none" : [...counts].map(([label, count]) => `${count} × ${label}`).join(", ");
}

/** "503 (create)", or "answer cut off (page)" for a request with no full answer. */
const label = (outcome: Outcome) => `${outcome.status || outcome.error} (${outcome.kind})`;
// A request cut off before any answer carries no X-Served-By: haproxy's log says which instance it went to, and how
// it ended there (its termination state, e.g. SH: the instance closed the connection before answering). haproxy
// logs no line for a request it ends by closing the client's kept-alive connection without an answer (which it does
// when an instance dies under a request, so that the client may send it again): such a failure, of a request sent
// before the kill that failed within a second of it, is the kill's, and is counted apart.
const KILL_WINDOW_MS = 1_000;
let attributedByTime = 0;
for (const outcome of outcomes) {
  if (outcome.servedBy || outcome.status !== 0) continue;
  const logged = haproxyLog.get(outcome.requestId);
  if (logged) {
    outcome.servedBy = logged.instance;
    outcome.error = `${outcome.error} (haproxy: ${logged.ended})`;
    continue;
  }
  const killedAt = instanceEvents.killedAt;
  if (cluster && killedAt !== undefined && outcome.startedAt <= killedAt && outcome.endedAt - killedAt <= KILL_WINDOW_MS && outcome.endedAt >= killedAt) {
    outcome.servedBy = cluster.instances[0]!.id;
    outcome.error = `${outcome.error} (closed at the kill)`;
    attributedByTime += 1;
  }
}
const failed = outcomes.filter((outcome) => outcome.status < 200 || outcome.status >= 300);
const failures = failed.map((outcome) => ({ label: label(outcome), inside: inOutage(outcome.startedAt, outcome.endedAt) }));
const wallSeconds = (runEndedAt - runStartedAt) / 1000;
const answered = outcomes.filter((outcome) => outcome.status > 0);
const latencies = answered.map((outcome) => outcome.endedAt - outcome.startedAt);

const noAnswer = outcomes.length - answered.length;
console.log(
  `\nRequests: ${sent.toLocaleString("en")} sent, ${answered.length.toLocaleString("en")} answered in ${wallSeconds.toFixed(1)} s = ${(answered.length / wallSeconds).toFixed(0)} requests/s; ${failed.length - noAnswer} answered with an error status, ${noAnswer} with no full answer (connection failed, cut off or timed out after ${TIMEOUT_S} s)`,
);
console.log(
  `Latency, every answer: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`,
);
console.log(`\n${"request".padEnd(12)} ${"count".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"non-2xx".padStart(8)}`);
for (const kind of ["api list", "api search", "page", "page sorted", "create", "update"] as const) {
  const own = outcomes.filter((outcome) => outcome.kind === kind);
  if (own.length === 0) continue;
  const times = own.filter((outcome) => outcome.status > 0).map((outcome) => outcome.endedAt - outcome.startedAt);
  const bad = own.filter((outcome) => outcome.status < 200 || outcome.status >= 300).length;
  console.log(
    `${kind.padEnd(12)} ${String(own.length).padStart(7)} ${pct(times, 50).padStart(7)} ${pct(times, 95).padStart(7)} ${pct(times, 99).padStart(7)} ${String(bad).padStart(8)}`,
  );
}

const outside = failures.filter((failure) => !failure.inside);
const inside = failures.filter((failure) => failure.inside);
const checks: Check[] = [];
if (cluster) {
  const killedId = cluster.instances[0]!.id;
  const restartedId = cluster.instances[1]!.id;
  console.log(`\n${"instance".padEnd(12)} ${"requests".padStart(9)} ${"req/s".padStart(7)} ${"p50".padStart(7)} ${"p99".padStart(7)}  errors`);
  for (const id of [...cluster.instances.map((item) => item.id), ""]) {
    const own = outcomes.filter((outcome) => outcome.servedBy === id);
    if (own.length === 0) continue;
    const times = own.filter((outcome) => outcome.status > 0).map((outcome) => outcome.endedAt - outcome.startedAt);
    const bad = own.filter((outcome) => outcome.status < 200 || outcome.status >= 300).map((outcome) => ({ label: label(outcome) }));
    console.log(
      `${(id || "(unknown)").padEnd(12)} ${String(own.length).padStart(9)} ${(own.length / wallSeconds).toFixed(0).padStart(7)} ${pct(times, 50).padStart(7)} ${pct(times, 99).padStart(7)}  ${errorTally(bad)}`,
    );
  }
  console.log(`\n${"readiness".padEnd(12)} ${"checks".padStart(7)} ${"p50".padStart(7)} ${"max".padStart(7)}  over 3 s or failed`);
  for (const item of cluster.instances) {
    const own = readiness.filter((check) => check.id === item.id);
    const times = own.map((check) => check.ms);
    const late = own.filter((check) => check.ms > 3_000 || check.status !== 200);
    console.log(
      `${item.id.padEnd(12)} ${String(own.length).padStart(7)} ${pct(times, 50).padStart(7)} ${(times.length > 0 ? ms(Math.max(...times)) : "–").padStart(7)}  ${late.length} (${errorTally(late.map((check) => ({ label: check.status === 0 ? "no answer" : check.status === 200 ? "late 200" : String(check.status) })))})`,
    );
  }
  const killedAt = instanceEvents.killedAt ?? Infinity;
  const failedOn = (id: string) => failed.filter((outcome) => outcome.servedBy === id);
  const inFlightOnKilled = failedOn(killedId).filter((outcome) => outcome.startedAt <= killedAt);
  const afterKill = failedOn(killedId).filter((outcome) => outcome.startedAt > killedAt);
  const elsewhere = failed.filter((outcome) => outcome.servedBy !== killedId);
  console.log(
    `\nErrors of requests in flight on ${killedId} when it was killed (expected, counted): ${inFlightOnKilled.length} — ${errorTally(inFlightOnKilled.map((outcome) => ({ label: label(outcome) })))}${attributedByTime > 0 ? `; ${attributedByTime} of them with no answer and no line in haproxy's log, ended within ${KILL_WINDOW_MS / 1000} s of the kill` : ""}`,
  );
  checks.push({ ok: afterKill.length === 0, line: `Errors on ${killedId} for requests sent after it was killed (must be 0): ${afterKill.length}` });
  checks.push({
    ok: elsewhere.length === 0,
    line: `Errors anywhere else, ${restartedId}'s restart included (must be 0): ${elsewhere.length} — ${errorTally(elsewhere.map((outcome) => ({ label: `${label(outcome)} on ${outcome.servedBy || "an unknown instance"}` })))}`,
  });
  checks.push({
    ok: instanceEvents.readyAgainAt !== undefined,
    line: `${restartedId}: SIGTERM → exited after ${instanceEvents.stoppedAt && instanceEvents.termAt ? seconds(instanceEvents.stoppedAt - instanceEvents.termAt) : "?"} (drain), ready again ${instanceEvents.readyAgainAt && instanceEvents.stoppedAt ? seconds(instanceEvents.readyAgainAt - instanceEvents.stoppedAt) : `never${instanceEvents.error ? ` (${instanceEvents.error})` : ""}`} later`,
  });
} else if (outage) {
  console.log(`\nPostgreSQL restart: command took ${restart.endedAt ? seconds(restart.endedAt - restart.startedAt!) : "?"} (exit ${restart.code})`);
  console.log(
    `  health route down for ${outage.downFor === null ? "no probe (shorter than 200 ms)" : seconds(outage.downFor)}; up again ${outage.recoveredAfter === null ? "?" : seconds(outage.recoveredAfter)} after the restart command returned`,
  );
  const lastInside = failed.filter((outcome) => inOutage(outcome.startedAt, outcome.endedAt)).reduce((latest, outcome) => Math.max(latest, outcome.endedAt), 0);
  if (lastInside) console.log(`  last failed request ended ${seconds(lastInside - restart.startedAt!)} after the restart began`);
  console.log(`Errors during the outage (expected): ${inside.length} — ${errorTally(inside)}`);
  console.log(`Errors outside the outage (must be 0): ${outside.length} — ${errorTally(outside)}`);
} else {
  console.log(`\nErrors (must be 0): ${failures.length} — ${errorTally(failures)}`);
}

// ─── Every acknowledged write, looked for in the database ────────────────────
const foundCreates = await handle.client<{ id: number; external_id: string }[]>`
  select id, external_id from customers where partner_id = ${partner.id} and external_id = any(${created.map((row) => row.externalId)}::text[])`;
const createdById = new Map(foundCreates.map((row) => [row.id, row.external_id]));
const lostCreates = created.filter((row) => createdById.get(row.id) !== row.externalId);
const foundUpdates = await handle.client<{ id: number; notification_email: string }[]>`
  select id, notification_email from customers where id = any(${updated.map((row) => row.id)}::int[])`;
const emailById = new Map(foundUpdates.map((row) => [row.id, row.notification_email]));
const lostUpdates = updated.filter((row) => emailById.get(row.id) !== row.email);
console.log(`\nWrites acknowledged: ${created.length + updated.length} (${created.length} creates, ${updated.length} updates)`);
const lost = [...lostCreates, ...lostUpdates];
checks.push({
  ok: lost.length === 0,
  line: `Acknowledged writes lost (must be 0): ${lost.length}${lost.length > 0 ? ` — e.g. ${JSON.stringify(lost.slice(0, 5))}` : ""}`,
});
checks.push({
  ok: malformed.length === 0,
  line: `2xx answers not the documented answer to their request (must be 0): ${malformed.length}${malformed.length > 0 ? `, e.g. ${malformed.slice(0, 3).join(" | ")}` : ""}`,
});
checks.push({
  ok: mispaired.length === 0,
  line: `Answers carrying another request's X-Request-Id (must be 0): ${mispaired.length} of ${echoes.toLocaleString("en")} echoed${echoes === 0 ? " (next start echoes none; the writes' bodies are checked against their requests above)" : ""}${mispaired.length > 0 ? `, e.g. ${mispaired.slice(0, 2).join(" | ")}` : ""}`,
});
if (cluster) {
  const live = cluster.instances.slice(instanceEvents.readyAgainAt === undefined ? 2 : 1).map((item) => `http://127.0.0.1:${item.port}`);
  checks.push(await revocationHeld({ origins: live, email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }));
  const burst = await createFullAccessClient(BENCH_PARTNER_NAME, `Load test ${runId} rate limit`, new Date());
  checks.push(await rateLimitHeld({ origin, token: burst.token, path: "/api/customer_managers", limit: 60, count: 150 }));
}
checks.push(await periodicJobsRanOnce(handle.client, PERIODIC_JOBS, runStartedDate, new Date()));
console.log("");
for (const check of checks) console.log(`${check.ok ? "ok  " : "FAIL"} ${check.line}`);

await handle.close();
await stopServer();
const errorsHeld = cluster ? true : outside.length === 0;
const pass = errorsHeld && checks.every((check) => check.ok) && (outage === null || restart.code === 0);
console.log(pass ? "\nPASS" : "\nFAIL");
process.exit(pass ? 0 : 1);
