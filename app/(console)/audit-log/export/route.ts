import { consoleResponse } from "@/lib/transport/console-route";
import { exportAuditCsv } from "@/lib/audit/export";
import { auditFilterSchema } from "@/lib/audit/filters";
import { formatIsoDate } from "@/lib/format";

/** CSV export of the audit log's filtered view, for partner admins (the command authorizes). */
export async function GET(request: Request) {
  return consoleResponse(async (ctx) => {
    const filters = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const day = formatIsoDate(ctx.now);
    return new Response(await exportAuditCsv(ctx, filters), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  });
}
