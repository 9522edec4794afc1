import "server-only";
import type { bulkJobs } from "@/db/schema";
import type { StartedBy } from "./started-by";
import type { BulkJobError, BulkJobStatus, BulkJobView, ParsedBulkAction } from "./types";

type BulkJobRow = typeof bulkJobs.$inferSelect;

/** Where the console and the API fetch an export's file. */
export function resultFileUrl(jobId: number): string {
  return `/jobs/${jobId}/file`;
}

/** A job as the Jobs page and the API show it, with its rate and time left while it runs. */
export function bulkJobView(row: BulkJobRow, at: Date): BulkJobView {
  const action = row.action as ParsedBulkAction;
  const status = row.status as BulkJobStatus;
  const elapsedMs = row.startedAt ? (row.finishedAt ?? at).getTime() - row.startedAt.getTime() : 0;
  const ratePerSecond = row.startedAt && elapsedMs > 0 && row.processed > 0 ? Math.round((row.processed * 1000) / elapsedMs) : null;
  const left = row.total - row.processed;
  return {
    id: row.id,
    action,
    actionLabel: row.actionLabel,
    selectionDescription: row.selectionDescription,
    status,
    total: row.total,
    processed: row.processed,
    changed: row.changed,
    failed: row.failed,
    errors: row.errors as BulkJobError[],
    startedBy: { name: (row.startedBy as StartedBy).actor.name },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    ratePerSecond,
    secondsLeft: status === "running" && ratePerSecond ? Math.ceil(left / ratePerSecond) : status === "queued" ? null : 0,
    cancelRequested: row.cancelRequested,
    ...(action.type === "export" && status === "succeeded" ? { resultFileUrl: resultFileUrl(row.id) } : {}),
  };
}
