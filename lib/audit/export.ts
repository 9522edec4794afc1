import "server-only";
import type { RequestContext } from "@/lib/context";
import { csvLine } from "@/lib/csv";
import { inPartnerScope } from "@/lib/context";
import type { AuditFilters } from "./filters";
import { actingAsLabel, actionLabel } from "./labels";
import { auditWhere, fetchAuditEvents, type AuditEventRow } from "./list";
import { authorize } from "@/lib/authorization/authorize";

const BATCH = 1_000;

export const CSV_HEADER = ["Time (UTC)", "Person", "Email", "Acting as", "Account", "Action", "Target", "Changes", "IP address", "User agent"];

function eventLine(event: AuditEventRow, partnerName: string): string {
  return csvLine([
    event.createdAt.toISOString(),
    event.actorName,
    event.actorEmail,
    actingAsLabel(event.actingAs),
    event.customerName ?? `${partnerName} (partner account)`,
    actionLabel(event.action),
    event.targetType ? `${event.targetType} ${event.targetId ?? ""}`.trim() : "",
    JSON.stringify(event.changes),
    event.ip,
    event.userAgent,
  ]);
}

/**
 * The filtered view of the audit log as CSV, newest first, read in keyset batches so that a long log streams
 * without being held in memory. The check happens before the first byte.
 */
export async function exportAuditCsv(ctx: RequestContext, filters: AuditFilters): Promise<ReadableStream<Uint8Array>> {
  await authorize(ctx, "audit.read");
  const encoder = new TextEncoder();
  const where = auditWhere(ctx, filters);
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark, so that spreadsheet programs read the names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_HEADER)}`));
        return;
      }
      try {
        const batch = await inPartnerScope(ctx, (tx) => fetchAuditEvents(tx, where, cursor, "older", BATCH));
        if (batch.length > 0) controller.enqueue(encoder.encode(batch.map((event) => eventLine(event, ctx.partnerName)).join("")));
        if (batch.length < BATCH) controller.close();
        else cursor = batch[batch.length - 1]!.cursor;
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
