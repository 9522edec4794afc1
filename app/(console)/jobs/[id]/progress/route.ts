import { consoleJson } from "@/lib/actions/console-route";
import { getBulkJob } from "@/lib/bulk-jobs/read";
import { notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/ids";

/** One bulk job as it stands, read again and again while it runs (the Customers page's bar, the finished toast). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseRecordId((await params).id);
  return consoleJson(
    request,
    async (ctx) => {
      if (id === null) throw notFound("Job");
      return getBulkJob(ctx, id);
    },
    { adminOnly: true },
  );
}
