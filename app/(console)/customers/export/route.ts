import { consoleResponse } from "@/lib/transport/console-route";
import { customerCsvLines } from "@/lib/customers/reads/export";
import { formatIsoDate } from "@/lib/format";
import { customerQueryFromSearchParams } from "@/lib/customers/query-input";
import { logError } from "@/lib/observability/log-error";

/** **Export CSV**: every row of the current search, filters and sort, streamed. */
export async function GET(request: Request) {
  return consoleResponse(async (ctx) => {
    const query = customerQueryFromSearchParams(new URL(request.url).searchParams);
    const lines = customerCsvLines(ctx, query);
    // The first line before the answer: the command authorizes there, and a refusal is answered as such.
    let first: IteratorResult<string> | null = await lines.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = first ?? (await lines.next());
          first = null;
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
  });
}
