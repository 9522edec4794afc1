import { z } from "zod";

/**
 * Every environment variable the console reads, in one place, each with its default and its rule. `npm start` and
 * the server's start-up hook (instrumentation.ts) call `checkEnvironment()`, so that a bad value stops the start
 * with a message naming it, instead of being ignored or failing on the first request that needs it.
 *
 * Values are read when asked for, not once at import: the scripts set DATABASE_URL for the process they run in, and
 * tests change a limit between cases. An empty value counts as unset. The scripts (scripts/) keep their own
 * variables (PORT, SKIP_BUILD, BENCH_*, LOAD_*), which they read or pass to the server they start; the framework's
 * own (NODE_ENV, NEXT_RUNTIME, NEXT_PHASE) are read where Next.js inlines them. No server-only import here: the
 * seed and start scripts use this module too.
 */

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(unsetIfEmpty, schema.optional()).transform((value) => (value === undefined ? schema.parse(fallback) : value) as z.output<T>);
const flag = (fallback: "0" | "1") =>
  withDefault(z.enum(["0", "1"], { error: 'expected "1" (on) or "0" (off)' }), fallback).transform((value) => value === "1");
const positiveInteger = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .positive(`expected ${what}`);

export const ENVIRONMENT = {
  /** A real PostgreSQL (pg_trgm available); unset, `npm start` serves the embedded database and sets it. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "expected a connection string such as postgres://user@host:5432/database")),
  /** Set to 1 by `npm start` and the test setup when DATABASE_URL is the embedded database (one connection). */
  DATABASE_EMBEDDED: flag("0"),
  /** Pool size per server process on a real PostgreSQL. */
  DATABASE_POOL_MAX: withDefault(positiveInteger("a whole number of connections, at least 1"), "10"),
  /** Folder of the embedded database, relative to the working directory. */
  EMBEDDED_DATABASE_DIR: withDefault(z.string(), ".data/pglite"),
  /** Encrypts the session cookie; `npm start` generates one into .data/auth-secret when unset. */
  NEXTAUTH_SECRET: optional(z.string()),
  /**
   * The console's public address, set by the operator: sign-in and sign-out redirect there and emails link there;
   * `https://` makes the session cookie Secure. Unset, redirects stay on the host of the request (`npm start` sets
   * next-auth's AUTH_TRUST_HOST) and emails link to http://localhost:PORT.
   */
  NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/, error: "expected the console's public address, http:// or https://" })),
  /** The port the console listens on (scripts/server.ts); the scripts pass it on to the server they start. */
  PORT: withDefault(
    z.coerce.number({ error: "expected a port number" }).int("expected a port number").min(1, "expected a port number").max(65535, "expected a port number"),
    "3000",
  ),
  /** How long a switch into a customer account lasts (rule C7), in minutes. */
  SWITCH_TIME_LIMIT_MINUTES: withDefault(z.coerce.number({ error: "expected a number of minutes" }).positive("expected a number of minutes above 0"), "60"),
  /** Turns on the test-only routes that move the clock and create fixtures. Set by the browser tests' server; never in production. */
  ENABLE_TEST_CLOCK: flag("0"),
  /** Whether this instance runs a job worker (lib/jobs); 0 makes a web-only instance. */
  JOB_WORKER: flag("1"),
  /** How often an idle job worker looks for due jobs, in milliseconds. */
  JOB_POLL_MS: withDefault(positiveInteger("a whole number of milliseconds, at least 1"), "2000"),
  /**
   * Long jobs (the bulk jobs of lib/jobs/long.ts) this instance runs at once, in their own lane beside the periodic
   * jobs; 0 leaves them to other instances.
   */
  JOB_LONG_CONCURRENCY: withDefault(
    z.coerce.number({ error: "expected a number of jobs" }).int("expected a whole number of jobs").nonnegative("expected a number of jobs, 0 or more"),
    "1",
  ),
  /** Customers per batch of a bulk job (issue 17): each batch is one transaction. The browser tests lower it. */
  BULK_JOB_BATCH_SIZE: withDefault(positiveInteger("a whole number of customers, at least 1"), "5000"),
  /**
   * A pause between two batches of a bulk job, in milliseconds; 0 (none) outside the browser tests, which slow a
   * job down with it so that it can be watched and cancelled midway.
   */
  BULK_JOB_BATCH_PAUSE_MS: withDefault(
    z.coerce
      .number({ error: "expected a number of milliseconds" })
      .int("expected a whole number of milliseconds")
      .nonnegative("expected a number of milliseconds, 0 or more"),
    "0",
  ),
  /** This instance's name in the job queue's leases and the log lines; the host name by default. */
  INSTANCE_ID: optional(z.string()),
  /** `transaction` when DATABASE_URL goes through PgBouncer in transaction mode: no prepared statements, no role at connect. */
  DATABASE_POOL_MODE: withDefault(z.enum(["session", "transaction"], { error: 'expected "session" or "transaction"' }), "session"),
  /** How long a stopping instance (SIGTERM) lets the requests in flight finish, in milliseconds. */
  SHUTDOWN_TIMEOUT_MS: withDefault(
    z.coerce
      .number({ error: "expected a number of milliseconds" })
      .int("expected a whole number of milliseconds")
      .nonnegative("expected a number of milliseconds, 0 or more"),
    "10000",
  ),
  /** The least level the logs keep (pino's: trace, debug, info, warn, error, fatal). */
  LOG_LEVEL: withDefault(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], { error: "expected a pino level such as info" }), "info"),
  /** Outgoing email (lib/mail): smtp:// or smtps://, with the user and password; unset, `npm start` runs a mail catcher. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "expected smtp://user:password@host:port or smtps://…" })),
  /** The sender of every email: an address, or a name and an address ("Console <no-reply@example.com>"). */
  MAIL_FROM: withDefault(
    z.string().refine((value) => !/[\r\n]/.test(value) && /@/.test(value), "expected one line with an email address"),
    "Partner console <no-reply@localhost>",
  ),
  /**
   * How long the mail worker waits for the SMTP server to connect and to greet, in milliseconds (twice that for any
   * later answer): a server that hangs keeps its message queued for a later attempt instead of holding the worker.
   */
  SMTP_TIMEOUT_MS: withDefault(positiveInteger("a whole number of milliseconds, at least 1"), "10000"),
} as const;

export type EnvironmentName = keyof typeof ENVIRONMENT;
type Value<Name extends EnvironmentName> = z.output<(typeof ENVIRONMENT)[Name]>;

/** `API_RATE_LIMIT_<GROUP>`: requests a minute for one group of REST endpoints; the defaults are in lib/api/rate-limit.ts. */
export const RATE_LIMIT_PREFIX = "API_RATE_LIMIT_";
const rateLimit = optional(positiveInteger("a whole number of requests a minute, at least 1"));

/** Names the variable and the rule, never the value: DATABASE_URL may carry a password. */
function problem(name: string, error: z.ZodError): string {
  return `${name}: ${error.issues.map((issue) => issue.message).join("; ")}`;
}

/** The value of one variable, or its default; a bad value throws an error that names it. */
export function env<Name extends EnvironmentName>(name: Name): Value<Name> {
  const parsed = ENVIRONMENT[name].safeParse(process.env[name]);
  if (!parsed.success) throw new Error(`Invalid environment variable ${problem(name, parsed.error)}`);
  return parsed.data as Value<Name>;
}

/** The configured limit of a rate-limit group (`customer_managers` reads API_RATE_LIMIT_CUSTOMER_MANAGERS), if set. */
export function rateLimitSetting(group: string): number | undefined {
  const name = `${RATE_LIMIT_PREFIX}${group.toUpperCase()}`;
  const parsed = rateLimit.safeParse(process.env[name]);
  if (!parsed.success) throw new Error(`Invalid environment variable ${problem(name, parsed.error)}`);
  return parsed.data;
}

/** Every problem with the environment at once, or none: for the start-up check. */
export function environmentProblems(): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(ENVIRONMENT) as EnvironmentName[]) {
    const parsed = ENVIRONMENT[name].safeParse(process.env[name]);
    if (!parsed.success) problems.push(problem(name, parsed.error));
  }
  for (const name of Object.keys(process.env).filter((key) => key.startsWith(RATE_LIMIT_PREFIX))) {
    const parsed = rateLimit.safeParse(process.env[name]);
    if (!parsed.success) problems.push(problem(name, parsed.error));
  }
  return problems;
}

/** Throws one error listing every bad variable (see .env.example for what each one is). */
export function checkEnvironment(): void {
  const problems = environmentProblems();
  if (problems.length > 0) {
    throw new Error(`The environment is not valid (see .env.example):\n${problems.map((line) => `  - ${line}`).join("\n")}`);
  }
}
