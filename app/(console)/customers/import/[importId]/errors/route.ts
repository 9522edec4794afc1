import { consoleRouteContext } from "@/lib/transport/console-route";
import { consoleErrorResponse } from "@/lib/transport/errors";
import { importErrorFile } from "@/lib/customer-import/error-file";
import { knownFailure } from "@/lib/db/errors";
import { notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/ids";

/** Import from CSV › Download rows in error: the rows with their line and reason, as CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const { ctx, refusal } = await consoleRouteContext();
  if (refusal) return refusal;
  const importId = parseRecordId((await params).importId);
  try {
    if (importId === null) throw notFound("Import");
    const { fileName, csv } = await importErrorFile(ctx, importId);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const known = knownFailure(error);
    if (known) return consoleErrorResponse(known);
    throw error;
  }
}
