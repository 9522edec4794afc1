import "server-only";
import { getSessionContext, isConsoleContext, type ConsoleContext } from "./session";

export type ConsoleAccess = { ctx: ConsoleContext; refusal: null } | { ctx: null; refusal: { status: 401 | 403; message: string } };

/**
 * Who is calling the partner console: a signed-in member of the partner's team, in the partner account (not switched
 * into a customer). The one authentication of every console server action and route handler, each of which is a
 * public endpoint; what the person may do there, its command decides (`authorize`).
 */
export async function consoleAccess(): Promise<ConsoleAccess> {
  const ctx = await getSessionContext();
  if (!ctx) return { ctx: null, refusal: { status: 401, message: "Your session has ended. Sign in again." } };
  if (!isConsoleContext(ctx)) return { ctx: null, refusal: { status: 403, message: "This is only possible from the partner account." } };
  return { ctx, refusal: null };
}
