import "server-only";
import { getSessionContext, isConsoleContext, type ConsoleContext } from "./session";

/**
 * For the console's own route handlers (JSON for the table, CSV exports): the session context, or the JSON
 * answer to send instead. Route handlers are public endpoints: each one checks for itself.
 */
export async function consoleRouteContext(): Promise<{ ctx: ConsoleContext; refusal: null } | { ctx: null; refusal: Response }> {
  const ctx = await getSessionContext();
  if (!ctx) return { ctx: null, refusal: Response.json({ error: "Sign in to continue." }, { status: 401 }) };
  if (!isConsoleContext(ctx)) {
    return { ctx: null, refusal: Response.json({ error: "This is only possible from the partner account." }, { status: 403 }) };
  }
  return { ctx, refusal: null };
}
