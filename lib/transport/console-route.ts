import "server-only";
import { consoleAccess } from "@/lib/auth/console-access";
import { getSessionContext, type ConsoleContext } from "@/lib/auth/session";
import type { RequestContext } from "@/lib/context";
import { knownFailure } from "@/lib/db/errors";
import { consoleErrorResponse, consoleFailure } from "./errors";

const NO_STORE = { "cache-control": "no-store" };

/**
 * For the console's own route handlers (JSON for the table and the pickers, CSV exports): the session context, or
 * the JSON answer to send instead, a 503 among them when the database cannot be reached to read the session. Route
 * handlers are public endpoints: each one authenticates here; what the caller may do, its command decides.
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

type Read<Context, T> = (ctx: Context, params: URLSearchParams) => Promise<T>;

/**
 * What a picker's read may add: how many items there are in all, sent as `X-Total-Count` with the first page (no
 * search term), so that the picker can say how to find the ones it does not list.
 */
type Total<Context> = Read<Context, number>;

/**
 * The console's JSON reads (the Customers table, the pickers' server-side searches): a route handler checks the
 * session itself, like every server action, and answers domain errors with their status (503 with Retry-After while
 * the database is unreachable). Never cached.
 */
export async function consoleJson<T>(request: Request, read: Read<ConsoleContext, T>, options: { total?: Total<ConsoleContext> } = {}): Promise<Response> {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  return answer(request, ctx, read, options.total);
}

/**
 * A console route handler that answers something else than JSON (the CSV exports): authenticated as `consoleJson`,
 * and `respond`'s domain errors (its command's refusal among them) answered as JSON with their status.
 */
export async function consoleResponse(respond: (ctx: ConsoleContext) => Promise<Response>): Promise<Response> {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  try {
    return await respond(ctx);
  } catch (error) {
    return consoleFailure(error);
  }
}

/**
 * The same for a read made from inside a customer account by a person who switched in (the workspace's account
 * switcher): refused to anyone else, a collaborator at home and an embedded session included.
 */
export async function switchedInJson<T>(request: Request, read: Read<RequestContext, T>, options: { total?: Total<RequestContext> } = {}): Promise<Response> {
  let ctx: RequestContext | null;
  try {
    ctx = await getSessionContext();
  } catch (error) {
    const known = knownFailure(error);
    if (!known) throw error;
    return consoleErrorResponse(known);
  }
  if (!ctx) return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401, headers: NO_STORE });
  if (ctx.account.kind !== "customer" || ctx.account.switchExpiresAt === null || ctx.account.embedded) {
    return Response.json({ error: "You are not switched into a customer account." }, { status: 403, headers: NO_STORE });
  }
  return answer(request, ctx, read, options.total);
}

async function answer<Context, T>(request: Request, ctx: Context, read: Read<Context, T>, total: Total<Context> | undefined): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const body = await read(ctx, params);
    const count = total && searchTerm(params) === "" ? await total(ctx, params) : null;
    return Response.json(body, { headers: count === null ? NO_STORE : { ...NO_STORE, "x-total-count": String(count) } });
  } catch (error) {
    return consoleFailure(error);
  }
}

/** A search term from the query string, bounded. */
export function searchTerm(params: URLSearchParams): string {
  return (params.get("q") ?? "").slice(0, 200);
}
