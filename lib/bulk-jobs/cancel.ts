import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { bulkJobs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/authorization/authorize";
import type { BulkJobView } from "./types";
import { bulkJobView } from "./view";

/**
 * Asks a job to stop: the batch under way finishes (it is one transaction), and the job stops before the next one
 * and reports what it did. A queued job stops before its first batch. A finished job is left as it is.
 */
export async function cancelBulkJob(ctx: RequestContext, id: number): Promise<BulkJobView> {
  await authorize(ctx, "bulk_jobs.write");
  return inPartnerScope(ctx, async (tx) => {
    const mine = and(eq(bulkJobs.id, id), eq(bulkJobs.partnerId, ctx.partnerId));
    const [row] = await tx.select().from(bulkJobs).where(mine).for("update");
    if (!row) throw notFound("Bulk job");
    if (!["queued", "running"].includes(row.status) || row.cancelRequested) return bulkJobView(row, ctx.now);
    const [updated] = await tx
      .update(bulkJobs)
      .set({ cancelRequested: true })
      .where(and(mine, inArray(bulkJobs.status, ["queued", "running"])))
      .returning();
    await recordAudit(tx, ctx, {
      action: "bulk_job.cancelled",
      targetType: "bulk_job",
      targetId: id,
      changes: { actionLabel: row.actionLabel, selectionDescription: row.selectionDescription, processed: row.processed, total: row.total },
    });
    return bulkJobView(updated!, ctx.now);
  });
}
