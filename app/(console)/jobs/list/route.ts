import { consoleJson } from "@/lib/transport/console-route";
import { listBulkJobs } from "@/lib/bulk-jobs/read";

/** The partner's bulk jobs, newest first: the Jobs page reads them again while one of them runs. */
export function GET(request: Request) {
  return consoleJson(request, (ctx) => listBulkJobs(ctx, {}));
}
