/**
 * Every command the README's Scripts table names, run as a person runs it (`npm run …` in a child process) on a
 * fresh database: a throwaway PostgreSQL database in the PostgreSQL run, a fresh embedded folder in the embedded
 * run (there only db:migrate and api-token: the other commands do not depend on the database's kind, and the
 * demo seed takes a minute on PGlite). A refactor that breaks one (issue 12: `npm run api-token` crashed) fails
 * here, not on a new user's machine. The README's list is read, so a command added there without a check fails too.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as managedUsers from "@/app/api/managed_users/route";
import { openDatabase, type DatabaseHandle } from "../db/connection";
import { startEmbeddedServer, type EmbeddedServer } from "../db/embedded";
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from "../db/seed/demo-users";
import { BENCH_PARTNER_NAME } from "../db/seed/large";
import { closeDatabase } from "../lib/db";
import { call } from "../tests/support/api";
import { createCustomer, createPartner } from "../tests/support/factories";
import { verifiedPayload } from "../lib/embedding/token";
import { createThrowawayDatabase } from "./lib/database";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

/** The commands of the README's Scripts table, as written there (`npm start`, `npm run db:seed -- --reset`…). */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Scripts"), readme.indexOf("\n## ", readme.indexOf("## Scripts") + 1));
  return [...section.matchAll(/^\| `(npm [^`]+)` \|/gm)].map((match) => match[1]!);
}

/**
 * How each README command is covered. Those that build or serve the console, or run the test suites, run in CI
 * themselves (`npm test` is CI's command, and the browser tests' server is `scripts/start.ts`): here only their
 * script is checked to exist. The rest run below.
 */
const COVERED: Record<string, "runs below" | "runs in CI"> = {
  "npm start": "runs in CI",
  "npm run dev": "runs in CI",
  "npm run cluster": "runs below",
  "npm test": "runs in CI",
  "npm run format:check": "runs in CI",
  // The same Prettier over the same files as format:check, writing instead of checking.
  "npm run format": "runs in CI",
  "npm run test:unit": "runs in CI",
  "npm run test:e2e": "runs in CI",
  "npm run db:generate": "runs below",
  "npm run db:migrate": "runs below",
  "npm run db:seed": "runs below",
  "npm run api-token": "runs below",
  "npm run db:seed -- --customers 1000000": "runs below",
  "npm run bench": "runs below",
  "npm run load": "runs below",
  "npm run fuzz": "runs in CI",
  "npm run demo:embed": "runs below",
};

const embedded = inject("embedded");
let folder: string | null = null;
let throwaway: { url: string; drop(): Promise<void> } | null = null;
let childEnv: NodeJS.ProcessEnv;

/** `npm run -s <script> [-- args]` in the repository, on this file's fresh database; its output. */
async function npm(script: string, ...args: string[]): Promise<string> {
  const argv = ["run", "-s", script, ...(args.length ? ["--", ...args] : [])];
  try {
    const { stdout } = await run("npm", argv, { cwd: root, env: childEnv, timeout: 120_000, maxBuffer: 8 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm ${argv.join(" ")} failed: ${failed.message}\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`);
  }
}

/** Opens the fresh database in this process, between two commands (the embedded folder is free then). */
async function inspect<T>(work: (handle: DatabaseHandle, url: string) => Promise<T>): Promise<T> {
  let server: EmbeddedServer | null = null;
  if (folder) server = await startEmbeddedServer({ dataDir: join(folder, "pglite") });
  const url = server?.url ?? throwaway!.url;
  const handle = openDatabase(url, { embedded });
  try {
    return await work(handle, url);
  } finally {
    await handle.close();
    await server?.stop();
  }
}

beforeAll(async () => {
  childEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_EMBEDDED;
  delete childEnv.NODE_OPTIONS;
  if (embedded) {
    folder = mkdtempSync(join(tmpdir(), "console-readme-"));
    childEnv.EMBEDDED_DATABASE_DIR = join(folder, "pglite");
  } else {
    throwaway = await createThrowawayDatabase(inject("databaseUrl"), "console_readme");
    childEnv.DATABASE_URL = throwaway.url;
  }
});

afterAll(async () => {
  await throwaway?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the README's commands", () => {
  it("are each covered here, and each names a script of package.json", () => {
    const commands = readmeCommands();
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      expect(COVERED[command], `README command "${command}" has no check in scripts/readme-commands.test.ts`).toBeDefined();
      const script = command === "npm start" || command === "npm test" ? command.slice(4) : command.split(" ")[2]!;
      expect(packageJson.scripts[script], `package.json has no script "${script}"`).toBeTruthy();
    }
    // The fuzz suites the fuzz script runs are there (they run with 100 inputs in every test run).
    expect(packageJson.scripts.fuzz).toContain("tests/fuzz");
    expect(existsSync(join(root, "tests/fuzz"))).toBe(true);
  });

  it.skipIf(embedded)("db:generate finds the migrations in step with the schema", async () => {
    expect(await npm("db:generate")).toContain("No schema changes");
  });

  it("db:migrate, then db:seed (twice), api-token (a token the REST API accepts) and db:seed -- --reset", async () => {
    expect(await npm("db:migrate")).toMatch(/Migrations applied/);
    if (embedded) {
      // The demo seed takes a minute on PGlite and is the same SQL as on PostgreSQL: here the token's partner is
      // made directly, so that api-token's own path on the embedded database (one shared connection) still runs.
      await inspect(async (handle) => {
        const { partner, plans } = await createPartner(handle.db, { name: DEMO_PARTNERS.acme.name });
        await createCustomer(handle.db, partner.id, plans.starter.id, { name: DEMO_CUSTOMERS.northwind.name });
      });
    } else {
      expect(await npm("db:seed")).toMatch(/Demo data loaded: .*"customers":325/);
      expect(await npm("db:seed")).toMatch(/already has data: nothing loaded/);
    }

    const token = (await npm("api-token")).trim().split("\n").at(-1)!;
    expect(token).toMatch(/^pcak_[A-Za-z0-9_-]{43}$/);
    // The token through the REST API's own path: the route handler, its token authentication, the partner's rows.
    const list = await inspect(async (_handle, url) => {
      const saved = { url: process.env.DATABASE_URL, embedded: process.env.DATABASE_EMBEDDED };
      process.env.DATABASE_URL = url;
      process.env.DATABASE_EMBEDDED = embedded ? "1" : "0";
      try {
        return await call(managedUsers.GET, "GET", { token, query: "q=Northwind", path: "/api/managed_users" });
      } finally {
        await closeDatabase();
        process.env.DATABASE_URL = saved.url;
        process.env.DATABASE_EMBEDDED = saved.embedded;
      }
    });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(DEMO_CUSTOMERS.northwind.name);

    if (embedded) return;
    expect(await npm("db:seed", "--reset")).toMatch(/Demo data loaded: .*"customers":325/);
    const clients = await inspect(async (handle) => handle.client<{ n: number }[]>`select count(*)::int as n from api_clients`);
    expect(clients[0]!.n).toBe(0);
  }, 240_000);

  it.skipIf(embedded)(
    "db:seed -- --customers adds customers to the benchmark partner only",
    async () => {
      expect(await npm("db:seed", "--customers", "30")).toMatch(/Bench partner \d+ has 30 customers/);
      const counts = await inspect(
        (handle) => handle.client<{ name: string; n: number }[]>`
          select p.name, count(c.id)::int as n from partners p left join customers c on c.partner_id = p.id group by p.name order by p.name`,
      );
      expect(counts).toContainEqual({ name: BENCH_PARTNER_NAME, n: 30 });
      // The demo partners keep their own customers.
      expect(counts.filter((row) => row.name !== BENCH_PARTNER_NAME).reduce((sum, row) => sum + row.n, 0)).toBe(325);
    },
    120_000,
  );

  it.skipIf(embedded)(
    "demo:embed serves the demo partner's page, whose iframe opens a direct link signed with the key the seed registered",
    async () => {
      const port = 3300 + (process.pid % 500);
      const child = spawn("npm", ["run", "-s", "demo:embed"], { cwd: root, env: { ...childEnv, DEMO_EMBED_PORT: String(port) }, detached: true });
      try {
        await new Promise<void>((ready, fail) => {
          let output = "";
          const timer = setTimeout(() => fail(new Error(`demo:embed did not start in 60 s:\n${output}`)), 60_000);
          const read = (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("Demo partner app:")) {
              clearTimeout(timer);
              ready();
            }
          };
          child.stdout.on("data", read);
          child.stderr.on("data", read);
          child.on("exit", (code) => fail(new Error(`demo:embed exited with ${code}:\n${output}`)));
        });
        const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
        const src = /<iframe title="Customer workspace" src="([^"]+)"/.exec(page)?.[1]?.replaceAll("&#38;", "&");
        expect(src).toMatch(/\/direct_link\?token=[^&]+&path=%2Fworkspace$/);
        const token = decodeURIComponent(/token=([^&]+)/.exec(src!)![1]!);
        const keys = await inspect(
          (handle) => handle.client<{ pem: string }[]>`
            select k.public_key_pem as pem from embedding_keys k join partners p on p.id = k.partner_id
            where p.name = ${DEMO_PARTNERS.acme.name} and k.retired_at is null`,
        );
        const payload = await verifiedPayload(
          token,
          keys.map((key) => key.pem),
        );
        expect(String(payload.origin)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(String(payload.sub)).toMatch(/^[^:]+:E[^:]+:\d+$/);
      } finally {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      }
    },
    120_000,
  );

  it.skipIf(embedded)(
    "bench, load and cluster answer --help without touching a database",
    async () => {
      expect(await npm("bench", "--help")).toMatch(/--explain[\s\S]*--no-http[\s\S]*--http-only/);
      expect(await npm("load", "--help")).toMatch(/--restart-postgres[\s\S]*--instances N/);
      expect(await npm("cluster", "--help")).toMatch(/--instances N/);
    },
    120_000,
  );
});
