import "server-only";
import { consoleAccess } from "./console-access";
import type { ConsoleContext } from "./session";

/**
 * For the console's own route handlers (JSON for the table and the pickers, CSV exports): the session context, or
 * the JSON answer to send instead. Route handlers are public endpoints: each one checks for itself.
 */
export async function consoleRouteContext(
  options: { adminOnly?: boolean } = {},
): Promise<{ ctx: ConsoleContext; refusal: null } | { ctx: null; refusal: Response }> {
  const access = await consoleAccess({ adminOnly: options.adminOnly ?? false });
  if (access.refusal) {
    return { ctx: null, refusal: Response.json({ error: access.refusal.message }, { status: access.refusal.status, headers: { "cache-control": "no-store" } }) };
  }
  return access;
}
