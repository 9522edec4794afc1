import "server-only";
import { runBulkJobBatch } from "@/lib/bulk-jobs/run";
import type { RequestContext } from "@/lib/context";
import { startImport } from "./start-import";

/**
 * Starts an import's bulk job and runs its batches here, one after another, as the long-job worker would (each its
 * own transaction): `npm run bench` times the import without waiting for a worker to claim it.
 */
export async function runImportJob(ctx: RequestContext, importId: number, options: { skipErrors?: boolean; batchSize?: number } = {}) {
  const job = await startImport(ctx, { importId, skipErrors: options.skipErrors ?? false });
  while ((await runBulkJobBatch(job.id, ctx.partnerId, { batchSize: options.batchSize })) === "more");
  return job;
}
