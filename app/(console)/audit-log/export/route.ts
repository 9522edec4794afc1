import { consoleRouteContext } from "@/lib/auth/route-session";
import { exportAuditCsv } from "@/lib/audit/export";
import { auditFilterSchema } from "@/lib/audit/filters";
import { formatIsoDate } from "@/lib/format";

/** CSV export of the audit log's filtered view, for partner admins. A route handler checks the session itself. */
export async function GET(request: Request) {
  const { ctx, refusal } = await consoleRouteContext({ adminOnly: true });
  if (refusal) return refusal;
  const filters = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const day = formatIsoDate(ctx.now);
  return new Response(exportAuditCsv(ctx, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
