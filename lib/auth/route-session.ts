import "server-only";
import { knownFailure } from "@/lib/db/errors";
import { HTTP_STATUS, type DomainError } from "@/lib/errors";
import { consoleAccess } from "./console-access";
import type { ConsoleContext } from "./session";

const NO_STORE = { "cache-control": "no-store" };

/** The console route handlers' JSON answer to a domain error: `{ error }` with its status (and Retry-After). */
export function consoleErrorResponse(error: DomainError): Response {
  const retryAfter: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
  return Response.json({ error: error.message }, { status: HTTP_STATUS[error.code], headers: { ...NO_STORE, ...retryAfter } });
}

/**
 * For the console's own route handlers (JSON for the table and the pickers, CSV exports): the session context, or
 * the JSON answer to send instead, a 503 among them when the database cannot be reached to read the session. Route
 * handlers are public endpoints: each one checks for itself.
 */
export async function consoleRouteContext(): Promise<{ ctx: ConsoleContext; refusal: null } | { ctx: null; refusal: Response }> {
  let access: Awaited<ReturnType<typeof consoleAccess>>;
  try {
    access = await consoleAccess();
  } catch (error) {
    const known = knownFailure(error);
    if (!known) throw error;
    return { ctx: null, refusal: consoleErrorResponse(known) };
  }
  if (access.refusal) {
    return { ctx: null, refusal: Response.json({ error: access.refusal.message }, { status: access.refusal.status, headers: NO_STORE }) };
  }
  return access;
}
