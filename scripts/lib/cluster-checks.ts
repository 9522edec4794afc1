/**
 * What `npm run load -- --instances N` checks besides the traffic itself: that the instances share what they must
 * (a rate limit, a revoked session) and that the periodic jobs ran once per period across all of them. Each check
 * answers a line to print and whether it held.
 */
import type { Sql } from "postgres";
import { signInCookie } from "./first-load-js";

export interface Check {
  line: string;
  ok: boolean;
}

const MINUTE_MS = 60_000;

/**
 * A burst of `count` requests from one API client at one group of endpoints, through the balancer (round robin, so
 * every live instance takes a share), inside one rate-limit window: accepted ≤ the limit, the rest 429.
 */
export async function rateLimitHeld(options: { origin: string; token: string; path: string; limit: number; count: number }): Promise<Check> {
  // Start early in a minute, so that the whole burst falls in one window (windows are the clock's minutes).
  const intoMinute = Date.now() % MINUTE_MS;
  if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, MINUTE_MS - intoMinute + 200));
  const window = Math.floor(Date.now() / MINUTE_MS);
  const answers: { status: number; servedBy: string }[] = [];
  const queue = Array.from({ length: options.count }, (_, index) => index);
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (queue.shift() !== undefined) {
        const response = await fetch(`${options.origin}${options.path}`, { headers: { authorization: `Bearer ${options.token}` } });
        await response.arrayBuffer();
        answers.push({ status: response.status, servedBy: response.headers.get("x-served-by") ?? "?" });
      }
    }),
  );
  const sameWindow = Math.floor(Date.now() / MINUTE_MS) === window;
  const accepted = answers.filter((answer) => answer.status === 200).length;
  const limited = answers.filter((answer) => answer.status === 429).length;
  const instances = new Set(answers.map((answer) => answer.servedBy));
  const ok = sameWindow && accepted === options.limit && limited === options.count - options.limit && instances.size > 1;
  return {
    ok,
    line: `Shared rate limit: ${options.count} requests of one client to ${options.path} in one window, over ${instances.size} instances (${[...instances].sort().join(", ")}): ${accepted} accepted (limit ${options.limit}), ${limited} answered 429${sameWindow ? "" : " — the burst crossed a window, re-run"}`,
  };
}

/** Signs out with next-auth's own endpoint (its CSRF token and cookie first), on one instance. */
async function signOut(origin: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie, csrfCookie].filter(Boolean).join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  return response.status;
}

async function customersStatus(origin: string, cookie: string): Promise<number> {
  const response = await fetch(`${origin}/customers`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status;
}

/**
 * A session signed in on one instance works on every live instance; signed out on another, it is refused by every
 * one on its next request (each instance reads the session from the database, none keeps it).
 */
export async function revocationHeld(options: { origins: string[]; email: string; password: string }): Promise<Check> {
  const [first, second = first!] = options.origins;
  const cookie = await signInCookie(first!, options.email, options.password);
  const before = await Promise.all(options.origins.map((origin) => customersStatus(origin, cookie)));
  const signOutStatus = await signOut(second, cookie);
  const after = await Promise.all(options.origins.map((origin) => customersStatus(origin, cookie)));
  const ok = before.every((status) => status === 200) && after.every((status) => status >= 300 && status < 400);
  return {
    ok,
    line: `Session revoked on one instance: before, the ${options.origins.length} live instances answered ${before.join(", ")}; signed out on the second (${signOutStatus}); after, ${after.join(", ")} (redirects to sign in)`,
  };
}

interface JobRow {
  name: string;
  period: string;
  status: string;
  attempts: number;
  createdAt: number;
  finishedAt: number | null;
}

/** How long after a period begins its run must have been queued: every instance's scheduler asks at each poll. */
const QUEUED_WITHIN_MS = 15_000;

/**
 * Each periodic job ran exactly once in each period that began during the run (and at least QUEUED_WITHIN_MS before
 * its end): one record, not failed, at most one run of each job unfinished at the end. A period may be skipped only
 * while a run of the same job was still unfinished when it began (the scheduler starts none beside it: the
 * notifications' first pass over a million customers outlasts its minute, and a run on a killed instance holds its
 * lease until it runs out); any other missing period fails the check. A run taken over after its instance was
 * killed shows two attempts: counted apart, since that is the queue doing its job.
 */
export async function periodicJobsRanOnce(client: Sql, jobs: readonly { name: string; everyMs: number }[], from: Date, to: Date): Promise<Check> {
  // Times as epoch milliseconds: the scripts' handle leaves timestamps as text.
  const rows = (
    await client<{ name: string; singleton_key: string; status: string; attempts: number; created_ms: string; finished_ms: string | null }[]>`
      select name, singleton_key, status, attempts,
             (extract(epoch from created_at) * 1000)::bigint as created_ms, (extract(epoch from finished_at) * 1000)::bigint as finished_ms
        from background_jobs
       where name in ${client(jobs.map((job) => job.name))} and singleton_key is not null
         and (created_at <= ${to} and (created_at >= ${new Date(from.getTime() - 24 * 60 * MINUTE_MS)} or status in ('queued', 'active')))`
  ).map((row): JobRow => ({
    name: row.name,
    period: row.singleton_key,
    status: row.status,
    attempts: row.attempts,
    createdAt: Number(row.created_ms),
    finishedAt: row.finished_ms === null ? null : Number(row.finished_ms),
  }));
  let ok = true;
  const lines = jobs.map((job) => {
    const own = rows.filter((row) => row.name === job.name);
    const periods: number[] = [];
    for (let start = Math.floor(from.getTime() / job.everyMs + 1) * job.everyMs; start <= to.getTime() - QUEUED_WITHIN_MS; start += job.everyMs)
      periods.push(start);
    const tally = { ranOnce: 0, succeeded: 0, running: 0, skipped: 0, missed: 0, failed: 0, takenOver: 0 };
    for (const start of periods) {
      const runs = own.filter((row) => row.period === new Date(start).toISOString());
      const run = runs[0];
      if (runs.length === 1 && run) {
        tally.ranOnce += 1;
        if (run.status === "succeeded") tally.succeeded += 1;
        else if (run.status === "queued" || run.status === "active") tally.running += 1;
        else tally.failed += 1;
        if (run.attempts > 1) tally.takenOver += 1;
      } else if (runs.length === 0 && own.some((row) => row.createdAt < start && (row.finishedAt === null || row.finishedAt > start))) {
        tally.skipped += 1;
      } else tally.missed += 1;
    }
    const unfinished = own.filter((row) => row.status === "queued" || row.status === "active").length;
    if (tally.missed > 0 || tally.failed > 0 || unfinished > 1) ok = false;
    if (periods.length === 0) return `${job.name}: no period began during the run`;
    return `${job.name}: ${periods.length} period(s) began, ${tally.ranOnce} ran once (${tally.succeeded} succeeded, ${tally.running} still running), ${tally.skipped} skipped while its previous run was unfinished, ${tally.missed} missed, ${tally.failed} failed, ${tally.takenOver} taken over after a kill`;
  });
  return { ok, line: `Each periodic job ran exactly once per period — ${lines.join("; ")}` };
}
