import "server-only";
import { consoleErrorResponse, consoleRouteContext } from "@/lib/auth/route-session";
import type { ConsoleContext } from "@/lib/auth/session";
import { knownFailure } from "@/lib/db/errors";
import { logError } from "@/lib/observability/log-error";

/**
 * The console's JSON reads (the Customers table, the pickers' server-side searches): a route handler checks the
 * session itself, like every server action, and answers domain errors with their status (503 with Retry-After while
 * the database is unreachable). Never cached.
 */
export async function consoleJson<T>(
  request: Request,
  read: (ctx: ConsoleContext, params: URLSearchParams) => Promise<T>,
  options: { adminOnly?: boolean } = {},
): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  const { ctx, refusal } = await consoleRouteContext(options);
  if (refusal) return refusal;
  try {
    return Response.json(await read(ctx, new URL(request.url).searchParams), { headers });
  } catch (error) {
    const known = knownFailure(error);
    if (known) return consoleErrorResponse(known);
    logError(error, "console route failed");
    return Response.json({ error: "Something went wrong on our side. Try again." }, { status: 500, headers });
  }
}

/** A search term from the query string, bounded. */
export function searchTerm(params: URLSearchParams): string {
  return (params.get("q") ?? "").slice(0, 200);
}
