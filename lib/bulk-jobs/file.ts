import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { bulkJobFileChunks, bulkJobs } from "@/db/schema";
import { authorize } from "@/lib/authorization/authorize";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { notFound } from "@/lib/errors";

/**
 * The file an export job kept, chunk by chunk (one transaction each, so a big file never sits in memory). Only a
 * succeeded export has one; any other job, or another partner's, is not found.
 */
export async function bulkJobFile(ctx: RequestContext, id: number): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  await authorize(ctx, "bulk_jobs.read");
  const job = await inPartnerScope(ctx, async (tx) => {
    const [row] = await tx
      .select({ id: bulkJobs.id, action: bulkJobs.action, status: bulkJobs.status, createdAt: bulkJobs.createdAt })
      .from(bulkJobs)
      .where(and(eq(bulkJobs.id, id), eq(bulkJobs.partnerId, ctx.partnerId)));
    return row;
  });
  if (!job || (job.action as { type: string }).type !== "export" || job.status !== "succeeded") throw notFound("Export file");
  async function* chunks(): AsyncGenerator<string> {
    let after = 0;
    for (;;) {
      const rows = await inPartnerScope(ctx, (tx) =>
        tx
          .select({ position: bulkJobFileChunks.position, content: bulkJobFileChunks.content })
          .from(bulkJobFileChunks)
          .where(and(eq(bulkJobFileChunks.bulkJobId, id), eq(bulkJobFileChunks.partnerId, ctx.partnerId), gt(bulkJobFileChunks.position, after)))
          .orderBy(asc(bulkJobFileChunks.position))
          .limit(20),
      );
      if (rows.length === 0) return;
      for (const row of rows) yield row.content;
      after = rows.at(-1)!.position;
    }
  }
  return { fileName: `customers-export-job-${id}.csv`, chunks: chunks() };
}
