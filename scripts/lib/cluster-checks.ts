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
  const csrfCookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
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

/**
 * Every periodic job queued during the run: one row per job and period (the queue's unique key makes a second one
 * impossible), none failed, and at most one of each job unfinished at the end. A period whose worker was killed is
 * taken over after its lease and shows two attempts: counted apart, since that is the queue doing its job.
 */
export async function periodicJobsRanOnce(client: Sql, from: Date, to: Date): Promise<Check> {
  const rows = await client<{ name: string; periods: number; rows: number; succeeded: number; unfinished: number; failed: number; retried: number }[]>`
    select name, count(distinct singleton_key)::int as periods, count(*)::int as rows,
           count(*) filter (where status = 'succeeded')::int as succeeded,
           count(*) filter (where status in ('queued', 'active'))::int as unfinished,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where attempts > 1)::int as retried
      from background_jobs
     where singleton_key is not null and created_at between ${from} and ${to}
     group by name order by name`;
  // A run may still be going when the traffic stops (the notifications' first pass over a million customers): it
  // counts as long as it is the only one of its job (the scheduler starts no period beside an unfinished run).
  const ok = rows.length > 0 && rows.every((row) => row.rows === row.periods && row.failed === 0 && row.unfinished <= 1);
  const detail = rows
    .map((row) => `${row.name}: ${row.periods} period(s), ${row.rows} run(s), ${row.succeeded} succeeded, ${row.unfinished} still running, ${row.failed} failed, ${row.retried} taken over after a kill`)
    .join("; ");
  return { ok, line: `Periodic jobs during the run: ${detail || "none queued"}` };
}
