import { consoleRouteContext } from "@/lib/auth/route-session";
import { customerCsvLines } from "@/lib/customers/reads/export";
import { formatIsoDate } from "@/lib/format";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { logError } from "@/lib/observability/log-error";

/** **Export CSV**: every row of the current search, filters and sort, streamed. */
export async function GET(request: Request) {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  const query = customerQueryFromSearchParams(new URL(request.url).searchParams);
  const lines = customerCsvLines(ctx, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await lines.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        logError(error, "CSV export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = formatIsoDate(ctx.now);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
