import "server-only";
import { getSessionContext, isConsoleContext, type ConsoleContext } from "./session";

export type ConsoleAccess =
  | { ctx: ConsoleContext; refusal: null }
  | { ctx: null; refusal: { status: 401 | 403; message: string } };

/**
 * Whether this request may act in the partner console: a signed-in member of the partner's team, in the partner
 * account (not switched into a customer), and a partner admin when `adminOnly`. The one check behind every console
 * server action and route handler, each of which is a public endpoint.
 */
export async function consoleAccess(options: { adminOnly: boolean }): Promise<ConsoleAccess> {
  const ctx = await getSessionContext();
  if (!ctx) return { ctx: null, refusal: { status: 401, message: "Your session has ended. Sign in again." } };
  if (!isConsoleContext(ctx)) return { ctx: null, refusal: { status: 403, message: "This is only possible from the partner account." } };
  if (options.adminOnly && ctx.actor.partnerRole !== "admin") {
    return { ctx: null, refusal: { status: 403, message: "Only partner admins can do this." } };
  }
  return { ctx, refusal: null };
}
