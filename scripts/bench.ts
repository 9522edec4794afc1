/**
 * `npm run bench`: how fast the Customers table is at a million customers, measured, on a real PostgreSQL.
 *
 * Seeds (or reuses) the benchmark partner in BENCH_DATABASE_URL (default: console_bench on the local server),
 * then prints, for every sort in both directions, common and rare searches, each filter, a combination, the first
 * page and a deep page: p50/p95 of the data-access call, of the same query sent as plain SQL, and their ratio;
 * the counts; the REST list route and the server-rendered page over all the SQL they send (one client), the page
 * under load (autocannon against `next start`), and the page's first-load JavaScript. With `--explain`, also writes
 * the plans to docs/customers-table-plans.md; with `--no-http`, stops after the database figures; with
 * `--http-only`, skips them. Then the bulk job's figures (scripts/lib/bench-bulk.ts; `--bulk-only`, `--no-bulk`),
 * with a 100,000-row CSV import (half new customers, half updates) end to end, validation included, on a partner of
 * its own (scripts/lib/bench-import.ts).
 *
 * Run through `npm run bench`, which sets the react-server condition so the server-only modules load in Node.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";
import { sql as drizzleSql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { BENCH_ADMIN, openBenchPartner } from "./lib/bench-partner";
import { importFigure } from "./lib/bench-import";
import { firstLoadJs, signInCookie } from "./lib/first-load-js";
import { BENCH_NEXTAUTH_SECRET, startNextServer } from "./lib/next-server";
import { percentile } from "./lib/percentile";
import { bulkFigures } from "./lib/bench-bulk";
import type { RequestContext } from "../lib/context";
import { TENANT_ROLE } from "../lib/db";
import { encodeCursor } from "@/lib/customers/reads/cursor";
import { DEFAULT_CUSTOMER_QUERY, type CustomerQuery } from "../lib/customers/query-input";
import { authenticateToken } from "../lib/api-clients/authenticate";
import { createFullAccessClient } from "../lib/api-clients/full-access";
import { loadSessionContext } from "../lib/auth/session-store";
import { sessionSecretFromCookies } from "../lib/auth/session-cookie";
import { hashSessionSecret } from "../lib/auth/sign-in";
import { managedUsersReads } from "../lib/customers/reads/managed-user";
import { countCustomerTable, loadCustomersPage, partnerPlans, queryCustomerTable } from "@/lib/customers/reads/table";
import { filterConditions, keyset, pageQuery, rowColumns, tableSqlContext, whereOf } from "@/lib/customers/reads/table-sql";

const HELP = `npm run bench [-- options]: the Customers table's figures at a million customers (README, Performance).

  --explain     also write the query plans to docs/customers-table-plans.md
  --no-http     stop after the database figures
  --http-only   skip the database figures
  --bulk-only   only the bulk job's figures (a plan change of a filtered view, and the page's SQL meanwhile)
  --no-bulk     skip the bulk job's figures
  --help        print this and exit

Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/console_bench),
BENCH_CUSTOMERS (1000000), BENCH_RUNS (40), BENCH_HTTP_RUNS (300), BENCH_PORT (3400).`;
// Before anything touches a database: the README's command test runs this on every CI run.
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}

const TARGET = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const HTTP_RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const explain = process.argv.includes("--explain");
const httpOnly = process.argv.includes("--http-only");
const bulkOnly = process.argv.includes("--bulk-only");
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/console_bench";

async function time(run: () => Promise<unknown>, runs = RUNS, warmUps = 3): Promise<{ p50: number; p95: number }> {
  for (let warm = 0; warm < warmUps; warm++) await run();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (value: number) => value.toFixed(2).padStart(7);

process.env.DATABASE_URL = url;
const { handle, partner, adminId } = await openBenchPartner(url, { customers: TARGET });
const partnerId = partner.id;
// The plain SQL runs as a request's does: the tenant role, the partner set, row-level security on (lib/context.ts).
const tenantSql = postgres(url, { max: 1, onnotice: () => {}, connection: { role: TENANT_ROLE, "app.partner_id": String(partnerId) } });

const ctx: RequestContext = {
  partnerId,
  partnerName: partner!.name,
  actor: { kind: "user", userId: adminId, name: "Bench Admin", email: BENCH_ADMIN.email, avatarUrl: "", partnerRole: "admin", sessionIdHash: "bench" },
  account: { kind: "partner" },
  now: new Date(),
  ip: null,
  userAgent: "bench",
};

const base = DEFAULT_CUSTOMER_QUERY;

/** Every sort, search, filter and count: the data-access call against its plain SQL; with --explain, the plans. */
async function databaseFigures(): Promise<void> {
  // Scenario inputs taken from the data itself: a common and a rare term, a popular app, a plan, a deep cursor.
  const plans = await partnerPlans(handle.db, partnerId);
  const customPlan = plans.find((plan) => !plan.isFree)!;
  const [popularApp] = await handle.client<{ app_id: number; n: number }[]>`
    select app_id, count(distinct customer_id)::int as n from connections where partner_id = ${partnerId} group by app_id order by n desc limit 1`;
  const [rare] = await handle.client<{ name: string }[]>`
    select name from customers where partner_id = ${partnerId} order by id desc limit 1`;
  const commonTerm = await (async () => {
    for (const candidate of ["ston", "tech", "cap", "ind", "lab", "sol", "ver", "ark"]) {
      const [row] = await handle.client<{ n: number }[]>`
        select count(*)::int as n from customers where partner_id = ${partnerId} and search_text like ${`%${candidate}%`}`;
      const share = row!.n / partner!.n;
      if (share > 0.01 && share < 0.05) return { term: candidate, share };
    }
    return { term: "ston", share: NaN };
  })();
  const rareTerm = rare!.name.toLowerCase().split(" ").slice(0, 2).join(" ");

  async function deepCursor(query: CustomerQuery, position: number): Promise<string> {
    const tableCtx = tableSqlContext(
      ctx,
      plans.find((plan) => plan.isFree),
    );
    const { orderBy } = keyset(query, null, "forward");
    const rendered = new PgDialect().sqlToQuery(drizzleSql`
      select ${rowColumns(query, tableCtx)} from customers c join plans p on p.id = c.plan_id
       where ${whereOf(filterConditions(query, tableCtx))} order by ${orderBy} offset ${position} limit 1`);
    const [row] = await handle.client.unsafe<{ id: number; sort_value: string | number }[]>(rendered.sql, rendered.params as never[]);
    return encodeCursor({ value: row!.sort_value, id: row!.id });
  }

  /** The very SQL the data-access call sends for the page, to be sent on its own. */
  function plainSql(query: CustomerQuery) {
    return new PgDialect().sqlToQuery(
      pageQuery(
        query,
        tableSqlContext(
          ctx,
          plans.find((plan) => plan.isFree),
        ),
      ).sql,
    );
  }

  const deepPosition = Math.floor(partner!.n / 2);
  const scenarios: { label: string; query: CustomerQuery }[] = [];
  for (const sort of ["name", "joined", "tasks", "connections"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      scenarios.push({ label: `sort ${sort} ${dir}, first page`, query: { ...base, sort, dir } });
      scenarios.push({
        label: `sort ${sort} ${dir}, page at row ${deepPosition.toLocaleString("en")}`,
        query: { ...base, sort, dir, after: await deepCursor({ ...base, sort, dir }, deepPosition) },
      });
    }
  }
  scenarios.push(
    { label: `search common "${commonTerm.term}" (${(commonTerm.share * 100).toFixed(1)} %)`, query: { ...base, q: commonTerm.term } },
    { label: `search common, sort name`, query: { ...base, q: commonTerm.term, sort: "name", dir: "asc" } },
    { label: `search rare "${rareTerm}"`, query: { ...base, q: rareTerm } },
    { label: "search 2 characters (prefix)", query: { ...base, q: "st" } },
    { label: "status In trial", query: { ...base, status: "in_trial" } },
    { label: "status Expired subscription", query: { ...base, status: "expired" } },
    { label: "status Active", query: { ...base, status: "active" } },
    { label: `plan ${customPlan.name}`, query: { ...base, plans: [customPlan.id] } },
    { label: "plan Free", query: { ...base, plans: [plans.find((plan) => plan.isFree)!.id] } },
    { label: "app (most used)", query: { ...base, app: popularApp!.app_id } },
    { label: "app, sort name", query: { ...base, app: popularApp!.app_id, sort: "name", dir: "asc" } },
    { label: "joined last 30 days", query: { ...base, joined: "30d" } },
    { label: "joined custom range", query: { ...base, joined: "custom", from: "2025-01-01", to: "2025-03-31" } },
    { label: "combination: search + plan + trial + 12m", query: { ...base, q: commonTerm.term, plans: [customPlan.id], status: "in_trial", joined: "12m" } },
  );

  console.log(`\nCustomers table at ${partner!.n.toLocaleString("en")} customers (PostgreSQL, ${RUNS} runs each, ms)\n`);
  console.log(
    `${"scenario".padEnd(48)} ${"DAL p50".padStart(7)} ${"DAL p95".padStart(7)} ${"SQL p50".padStart(7)} ${"SQL p95".padStart(7)} ${"ratio".padStart(6)}`,
  );
  for (const { label, query } of scenarios) {
    const dal = await time(() => queryCustomerTable(ctx, query));
    const rendered = plainSql(query);
    const plain = await time(() => tenantSql.unsafe(rendered.sql, rendered.params as never[]));
    const line = `${label.padEnd(48)} ${ms(dal.p50)} ${ms(dal.p95)} ${ms(plain.p50)} ${ms(plain.p95)} ${(dal.p50 / plain.p50).toFixed(2).padStart(6)}`;
    console.log(line);
  }

  console.log(`\n${"counts (status tabs and total)".padEnd(48)} ${"p50".padStart(7)} ${"p95".padStart(7)}`);
  for (const { label, query } of [
    { label: "unfiltered (maintained counters)", query: base },
    { label: `search common "${commonTerm.term}" (capped at 5,000)`, query: { ...base, q: commonTerm.term } },
    { label: `search rare`, query: { ...base, q: rareTerm } },
    { label: `plan ${customPlan.name} (capped)`, query: { ...base, plans: [customPlan.id] } },
    { label: "joined last 30 days", query: { ...base, joined: "30d" as const } },
  ]) {
    const counted = await time(() => countCustomerTable(ctx, query));
    const line = `${label.padEnd(48)} ${ms(counted.p50)} ${ms(counted.p95)}`;
    console.log(line);
  }

  if (explain) {
    const sections: string[] = [
      "# Customers table: query plans",
      "",
      `EXPLAIN ANALYZE of the main queries at ${partner!.n.toLocaleString("en")} customers on PostgreSQL, written by \`npm run bench -- --explain\`. Run as a request runs them: the tenant role with the partner set, so row-level security applies (its policy shows as a one-time filter on \`app.partner_id\`).`,
      "",
    ];
    const explained = /^(sort name asc|sort joined desc|search|status|plan|app \(|combination)/;
    for (const { label, query } of scenarios.filter((scenario) => explained.test(scenario.label))) {
      const rendered = plainSql(query);
      const plan = await tenantSql.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off, timing on) ${rendered.sql}`, rendered.params as never[]);
      sections.push(`## ${label}`, "", "```", ...plan.map((row) => row["QUERY PLAN"]), "```", "");
    }
    writeFileSync("docs/customers-table-plans.md", sections.join("\n"));
    console.log("\nPlans written to docs/customers-table-plans.md");
  }
}

if (!httpOnly && !bulkOnly) await databaseFigures();
if (!httpOnly && !process.argv.includes("--no-bulk")) await bulkFigures(handle, ctx, RUNS);
if (!httpOnly && !process.argv.includes("--no-bulk")) console.log(`\n${(await importFigure(handle, adminId)).line}`);
await Promise.all([handle.close(), tenantSql.end()]);
if (process.argv.includes("--no-http") || bulkOnly) process.exit(0);

// ─── HTTP: next start on the same database ───────────────────────────────────
// The REST list route is measured for speed, not for its rate limit (1,000 a minute by default).
const { token } = await createFullAccessClient(partner!.name, `Bench ${new Date().toISOString()}`, new Date());
const server = await startNextServer({ port: PORT, databaseUrl: url, env: { API_RATE_LIMIT_CUSTOMERS: "1000000" } });
const origin = server.origin;
try {
  const cookie = await signInCookie(origin, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const api = { authorization: `Bearer ${token}` };

  /** One client's latency, request after request, over one kept-alive connection (node:http: leaner than fetch). */
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port } = new URL(origin);
  function get(path: string, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path, agent, headers }, (response) => {
          response.resume();
          response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`${path} answered ${response.statusCode}`))));
        })
        .on("error", reject);
    });
  }
  // A freshly started server compiles its hot paths over its first few hundred requests: those are not timed.
  const oneClient = (path: string, headers: Record<string, string>) => time(() => get(path, headers), HTTP_RUNS, 500);

  // All the SQL each route sends, called in this process, one read after the other as the route does: who is asking
  // (the session behind the cookie, the API client behind the token), then the data. The overhead is the rest.
  process.env.NEXTAUTH_SECRET = BENCH_NEXTAUTH_SECRET;
  const cookies = new Map(cookie.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  const sessionSecret = await sessionSecretFromCookies((name) => cookies.get(name));
  if (!sessionSecret) throw new Error("The bench admin's session cookie could not be read.");
  const meta = { ip: null, userAgent: "bench" };
  const pageReads = await time(async () => {
    const session = await loadSessionContext(hashSessionSecret(sessionSecret), meta);
    await loadCustomersPage(session!, base);
  }, HTTP_RUNS);
  const listReads = await time(async () => {
    const client = await authenticateToken(token, { now: new Date(), ...meta });
    await managedUsersReads(client!, base);
  }, HTTP_RUNS);
  const api1 = await oneClient("/api/managed_users", api);
  const page1 = await oneClient("/customers", { cookie });
  const page10 = await autocannon({ url: `${origin}/customers`, connections: 10, duration: 15, headers: { cookie } });
  console.log(`\nHTTP (first page, default view; ms; 1 client = ${HTTP_RUNS} requests one after another)`);
  const lines = [
    `REST list GET /api/managed_users: its SQL (token, view) p50 ${ms(listReads.p50)}, 1 client p50 ${ms(api1.p50)} (overhead ${ms(api1.p50 - listReads.p50)})`,
    `Customers page /customers:        its SQL (session, page) p50 ${ms(pageReads.p50)}, 1 client p50 ${ms(page1.p50)} (overhead ${ms(page1.p50 - pageReads.p50)})`,
    `Customers page, 10 clients (autocannon, 15 s): p50 ${ms(page10.latency.p50)}, p99 ${ms(page10.latency.p99)}, ${page10.requests.average.toFixed(0)} requests/s, ${page10.non2xx + page10.errors} errors`,
  ];
  for (const line of lines) console.log(line);

  const js = await firstLoadJs(origin, "/customers", cookie);
  const jsLine = `Customers page first-load JavaScript: ${js.totalKb.toFixed(1)} KB gzipped in ${js.files.length} files`;
  console.log(jsLine);
} finally {
  server.stop();
}
process.exit(0);
