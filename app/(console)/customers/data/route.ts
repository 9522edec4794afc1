import { consoleRouteContext } from "@/lib/auth/route-session";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomerTable } from "@/lib/customers/table";

/**
 * One view of the Customers table as JSON (the rows and the counts), for the console's session. The page no longer
 * fetches it (the server renders the rows on every change of the URL); `npm run bench` still measures it.
 */
export async function GET(request: Request) {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  const query = customerQueryFromSearchParams(new URL(request.url).searchParams);
  return Response.json(await loadCustomerTable(ctx, query), { headers: { "cache-control": "private, no-store" } });
}
