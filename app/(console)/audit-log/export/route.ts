import { getSessionContext, isConsoleContext } from "@/lib/auth/session";
import { exportAuditCsv } from "@/lib/audit/export";
import { auditFilterSchema } from "@/lib/audit/filters";

/** CSV export of the audit log's filtered view. A route handler checks the session itself. */
export async function GET(request: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return new Response("Sign in again.", { status: 401 });
  if (!isConsoleContext(ctx) || ctx.actor.partnerRole !== "admin") {
    return new Response("Only partner admins can export the audit log.", { status: 403 });
  }
  const filters = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const day = ctx.now.toISOString().slice(0, 10);
  return new Response(exportAuditCsv(ctx, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
