import { getBulkJob } from "@/lib/bulk-jobs/read";
import { notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/ids";
import { consoleJson } from "@/lib/transport/console-route";

/** One bulk job as it stands, read again and again while it runs (the Customers page's bar, the finished toast). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  return consoleJson(request, async (ctx) => {
    if (id === null) throw notFound("Job");
    return getBulkJob(ctx, id);
  });
}
