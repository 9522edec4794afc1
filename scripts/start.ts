/**
 * `npm start`: the one command that runs the console.
 *
 * 1. Opens the database: DATABASE_URL, or else the embedded PGlite in .data/pglite, which this process owns and
 *    serves on a loopback port for as long as the console runs (PGlite allows one process per folder).
 * 2. Applies the migrations, and loads the demo data if the database is empty.
 * 3. Builds the console (unless SKIP_BUILD=1) and starts it on PORT (3000 by default) with scripts/server.ts.
 *
 * Without SMTP_URL, a development mail catcher (scripts/lib/mail-catcher.ts) receives every email the console sends,
 * and its inbox is printed with the address of the console (MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_HTTP_PORT, 1025 and
 * 1080 by default; any free ones under --test).
 *
 * `--dev` runs `next dev` instead of a production build. `--test` is for the browser tests: a throwaway database
 * (a fresh one on the DATABASE_URL server, or an in-memory embedded one), the test clock, and no build.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { runMigrations } from "../db/migrate";
import { partners } from "../db/schema";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/demo-users";
import { seedDemo } from "../db/seed/demo";
import { ensureDemoEmbedding } from "./lib/demo-embedding";
import { checkEnvironment } from "../lib/env";
import { authSecret } from "./lib/auth-secret";
import { createThrowawayDatabase, openScriptDatabase } from "./lib/database";
import { startMailCatcher } from "./lib/mail-catcher";

// A bad setting stops the start here, named, before a database is opened or a build begins.
try {
  checkEnvironment();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const dev = process.argv.includes("--dev");
const testMode = process.argv.includes("--test");
const port = Number(process.env.PORT ?? (testMode ? 3100 : 3000));
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const cleanups: Array<() => Promise<void> | void> = [];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
}

let throwawayUrl: string | undefined;
let embeddedDir: string | null | undefined;
if (testMode) {
  if (process.env.DATABASE_URL) {
    const throwaway = await createThrowawayDatabase(process.env.DATABASE_URL, "console_e2e");
    throwawayUrl = throwaway.url;
    cleanups.push(() => throwaway.drop());
  } else {
    embeddedDir = mkdtempSync(join(tmpdir(), "console-e2e-"));
    cleanups.push(() => rmSync(embeddedDir!, { recursive: true, force: true }));
  }
}

const database = await openScriptDatabase({ url: throwawayUrl, embeddedDir: embeddedDir ? join(embeddedDir, "pglite") : undefined });
cleanups.push(() => database.embedded?.stop());
await runMigrations(database.db);
const [existing] = await database.db.select({ n: count() }).from(partners);
if (!existing || existing.n === 0) {
  const started = Date.now();
  const summary = await seedDemo(database.db, { now: new Date() });
  console.log(`Loaded the demo data (${summary.customers} customers) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // The demo partner app's signing key (npm run demo:embed), not for the browser tests' throwaway database.
  if (!testMode) await ensureDemoEmbedding(database.db);
}
// The embedded database serves one connection: hand it over to the console.
await database.close();

// Email goes to SMTP_URL, or else to the development mail catcher, which this process runs for as long as the console
// (always under --test: the browser tests read what was sent).
const catcher =
  process.env.SMTP_URL && !testMode
    ? null
    : await startMailCatcher({
        smtpPort: testMode ? 0 : Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
        httpPort: testMode ? 0 : Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
      });
if (catcher) cleanups.push(() => catcher.close());

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...(catcher ? { SMTP_URL: catcher.smtpUrl } : {}),
  DATABASE_URL: database.url,
  DATABASE_EMBEDDED: database.embedded ? "1" : "0",
  NEXTAUTH_SECRET: testMode ? (process.env.NEXTAUTH_SECRET ?? "test-secret-for-browser-tests-only") : authSecret(),
  // Without a public address set by the operator, next-auth takes the origin of its redirects (sign-in, sign-out)
  // from the request's Host, so that they stay on the name the person reached the console by (127.0.0.1, a LAN
  // name…). With NEXTAUTH_URL set, that address wins, as behind a balancer (scripts/cluster.ts).
  ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "1" }),
  PORT: String(port),
  ...(testMode ? { ENABLE_TEST_CLOCK: "1" } : {}),
};
if (testMode) {
  // The browser tests read this to check what they did against the database.
  mkdirSync(join(process.cwd(), ".data"), { recursive: true });
  writeFileSync(
    join(process.cwd(), ".data", "e2e-database.json"),
    JSON.stringify({ url: database.url, embedded: !!database.embedded, mailInbox: catcher?.inboxUrl ?? null }),
  );
}

if (!dev && !testMode && process.env.SKIP_BUILD !== "1") {
  console.log("Building the console…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) {
    await cleanUp();
    process.exit(build.status ?? 1);
  }
}

// Production (and the browser tests) run the custom server, which drains on SIGTERM and logs each request as JSON.
const server = dev
  ? spawn(process.execPath, [nextBin, "dev", "--port", String(port)], { stdio: ["ignore", "inherit", "inherit"], env })
  : spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/server.ts"], { stdio: ["ignore", testMode ? "pipe" : "inherit", "inherit"], env });
if (testMode && server.stdout) {
  // The browser tests read the server's log lines (e2e/request-logs.spec.ts): copy them to a file as well.
  const log = createWriteStream(join(process.cwd(), ".data", "e2e-server.log"));
  server.stdout.pipe(log);
  server.stdout.pipe(process.stdout);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // The server drains (up to SHUTDOWN_TIMEOUT_MS) before the embedded database it uses stops.
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await cleanUp();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));

// Say where to go once the console answers.
for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (response.ok) {
      console.log(
        [
          "",
          `  Partner console ready on http://localhost:${port}`,
          `  Database: ${database.embedded ? "embedded (.data/pglite)" : "DATABASE_URL"}`,
          catcher ? `  Email: caught, not sent (SMTP_URL is unset); read it at ${catcher.inboxUrl}` : "  Email: sent through SMTP_URL",
          `  Sign in as the partner admin: ${DEMO_USERS.acmeAdmin.email} / ${DEMO_PASSWORD}`,
          `  (more demo sign-ins in the README)`,
          "",
        ].join("\n"),
      );
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
