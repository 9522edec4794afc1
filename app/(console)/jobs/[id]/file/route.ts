import { bulkJobFile } from "@/lib/bulk-jobs/file";
import { consoleRouteContext } from "@/lib/transport/console-route";
import { consoleErrorResponse } from "@/lib/transport/errors";
import { DomainError } from "@/lib/errors";
import { parseRecordId } from "@/lib/ids";
import { logError } from "@/lib/observability/log-error";

/** The CSV file an export job kept, streamed (the Jobs page's Download link). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  const id = parseRecordId((await params).id);
  if (id === null) return Response.json({ error: "Export file not found" }, { status: 404 });
  let file;
  try {
    file = await bulkJobFile(ctx, id);
  } catch (error) {
    if (error instanceof DomainError) return consoleErrorResponse(error);
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await file.chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        logError(error, "Bulk job file failed");
        controller.error(error);
      }
    },
    async cancel() {
      await file.chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
