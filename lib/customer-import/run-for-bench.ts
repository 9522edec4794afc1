import "server-only";
import { runBulkJob } from "@/lib/bulk-jobs/run";
import type { RequestContext } from "@/lib/context";
import { startImport } from "./start-import";

/**
 * Starts an import's bulk job and runs it here, as the long-job worker would once it claimed it (batch after batch,
 * each its own transaction, then the statistics refresh): `npm run bench` times the import without waiting for a
 * worker.
 */
export async function runImportJob(ctx: RequestContext, importId: number, options: { skipErrors?: boolean; batchSize?: number } = {}) {
  const job = await startImport(ctx, { importId, skipErrors: options.skipErrors ?? false });
  await runBulkJob(
    { id: 0, name: "bulk-job", payload: { bulkJobId: job.id, partnerId: ctx.partnerId }, attempt: 1, maxAttempts: 1 },
    { signal: new AbortController().signal },
    { batchSize: options.batchSize },
  );
  return job;
}
