import { consoleRouteContext } from "@/lib/auth/route-session";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { loadCustomerTable } from "@/lib/customers/table";

/** The Customers table's JSON, fetched by the table on every change of search, filters, sort or page. */
export async function GET(request: Request) {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  const query = customerQueryFromSearchParams(new URL(request.url).searchParams);
  return Response.json(await loadCustomerTable(ctx, query), { headers: { "cache-control": "private, no-store" } });
}
