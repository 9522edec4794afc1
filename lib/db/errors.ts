import { DomainError } from "@/lib/errors";
import { databaseReachable, databaseUnavailableError } from "@/lib/db";
import { suspectDatabaseOutage } from "./availability";

/** The errors a database call may have caused, with their causes (Drizzle wraps the driver's error in `cause`). */
function* causes(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!error || typeof error !== "object" || depth > 8) return;
  const current = error as Record<string, unknown>;
  yield current;
  // Node reports a refused connection to every address of a host name as one AggregateError.
  if (Array.isArray(current.errors)) for (const inner of current.errors) yield* causes(inner, depth + 1);
  yield* causes(current.cause, depth + 1);
}

/** Whether a database error (possibly wrapped by Drizzle) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (const candidate of causes(error)) {
    if (candidate.code === "23505") return (candidate.constraint_name ?? candidate.constraint) === constraint;
  }
  return false;
}

/**
 * What postgres.js and Node report when the server cannot be reached or goes away: the socket's errors, the
 * driver's own codes (a connection closed or ended under a query, a connect timeout), and PostgreSQL's SQLSTATEs for
 * a server shutting down or starting up (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now),
 * too many connections (53300) and the connection exceptions (class 08).
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** Whether an error means the database is unreachable for now (restarting, down, out of connections), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of causes(error)) {
    const code = candidate.code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  return false;
}

/**
 * Runs `run` once more if it failed as if the database were unreachable and `mayRepeat()` says nothing of it can
 * have been written: a pooled connection that died with a restarted server fails its first statement, and the work
 * can start again on another one. A read may always repeat.
 */
export async function againIfUnreachable<T>(run: () => Promise<T>, mayRepeat: () => boolean = () => true): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!mayRepeat() || !isDatabaseUnavailable(error)) throw error;
    return run();
  }
}

/** Whether `error` means the database is unreachable; if so, a probe checks, so that later requests fail fast. */
export function recordIfDatabaseUnavailable(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  suspectDatabaseOutage(databaseReachable);
  return true;
}

/**
 * The one translation of what a request's data-access calls threw, for every wrapper (REST API, server actions,
 * console route handlers): a DomainError stays as it is, an unreachable database becomes UNAVAILABLE (503 with
 * Retry-After), anything else is null, an unexpected failure each wrapper logs and answers in its own way.
 */
export function knownFailure(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (recordIfDatabaseUnavailable(error)) return databaseUnavailableError();
  return null;
}
