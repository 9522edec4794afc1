import "server-only";
import { authorize } from "@/lib/authorization/authorize";
import { startBulkJob } from "@/lib/bulk-jobs/start";
import type { BulkJobView } from "@/lib/bulk-jobs/types";
import type { RequestContext } from "@/lib/context";
import type { StartImportInput } from "./start-input";

/**
 * Import from CSV › Import (and the API's upload without `dry_run`): the validated import as a bulk job, which
 * authorizes (`customer_imports.write`), refuses it while a row is in error unless `skipErrors`, and queues it.
 */
export async function startImport(ctx: RequestContext, input: StartImportInput): Promise<BulkJobView> {
  await authorize(ctx, "customer_imports.write");
  return startBulkJob(ctx, { action: { type: "import", importId: input.importId, skipErrors: input.skipErrors } });
}
