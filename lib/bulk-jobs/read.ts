import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { bulkJobs } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/authorization/authorize";
import type { BulkJobStatus, BulkJobView } from "./types";
import { bulkJobView } from "./view";

/** One of the partner's bulk jobs; another partner's answers like one that does not exist (D8). */
export async function getBulkJob(ctx: RequestContext, id: number): Promise<BulkJobView> {
  await authorize(ctx, "bulk_jobs.read");
  return inPartnerScope(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(bulkJobs)
      .where(and(eq(bulkJobs.id, id), eq(bulkJobs.partnerId, ctx.partnerId)));
    if (!row) throw notFound("Bulk job");
    return bulkJobView(row, ctx.now);
  });
}

/** The partner's bulk jobs, newest first (the last 100), optionally of one status. */
export async function listBulkJobs(ctx: RequestContext, options: { status?: BulkJobStatus } = {}): Promise<BulkJobView[]> {
  await authorize(ctx, "bulk_jobs.read");
  return inPartnerScope(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(bulkJobs)
      .where(and(eq(bulkJobs.partnerId, ctx.partnerId), options.status ? eq(bulkJobs.status, options.status) : undefined))
      .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
      .limit(100);
    return rows.map((row) => bulkJobView(row, ctx.now));
  });
}

/**
 * The jobs the signed-in person started that are still queued or running, so that the Customers page shows their
 * progress in any browser they use, not only the one that started them. An API client's jobs belong to no one here.
 */
export async function listMyUnderwayBulkJobIds(ctx: RequestContext): Promise<number[]> {
  await authorize(ctx, "bulk_jobs.read");
  if (ctx.actor.kind !== "user") return [];
  const userId = ctx.actor.userId;
  return inPartnerScope(ctx, async (tx) => {
    const rows = await tx
      .select({ id: bulkJobs.id })
      .from(bulkJobs)
      .where(
        and(
          eq(bulkJobs.partnerId, ctx.partnerId),
          inArray(bulkJobs.status, ["queued", "running"]),
          eq(sql`(${bulkJobs.startedBy} -> 'actor' ->> 'userId')::int`, userId),
        ),
      )
      .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
      .limit(20);
    return rows.map((row) => row.id);
  });
}
