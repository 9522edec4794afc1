import { formatNumber, plural } from "@/lib/format";
import type { BulkJobJson } from "./job-query";

/** "12,000 of 48,210 customers". */
export function progressText(job: Pick<BulkJobJson, "processed" | "total">): string {
  return `${formatNumber(job.processed)} of ${plural(job.total, "customer")}`;
}

/** "3,400 customers a second · about 2 minutes left", once the job has a rate. */
export function rateText(job: Pick<BulkJobJson, "ratePerSecond" | "secondsLeft" | "status">): string | null {
  if (job.status !== "running" || job.ratePerSecond === null) return null;
  const rate = `${plural(Math.round(job.ratePerSecond), "customer")} a second`;
  if (job.secondsLeft === null) return rate;
  const left = job.secondsLeft < 60 ? plural(Math.max(1, Math.ceil(job.secondsLeft)), "second") : plural(Math.ceil(job.secondsLeft / 60), "minute");
  return `${rate} · about ${left} left`;
}

const STATUS_WORDS = { queued: "Queued", running: "Running", succeeded: "Finished", failed: "Failed", cancelled: "Cancelled" } as const;

export function statusWord(job: Pick<BulkJobJson, "status" | "cancelRequested">): string {
  return job.status === "running" && job.cancelRequested ? "Cancelling" : STATUS_WORDS[job.status];
}

/** What a finished job did, for its toast and the Jobs page: "Change plan to Growth: 48,210 customers changed." */
export function resultText(job: BulkJobJson): string {
  const changed = `${plural(job.changed, "customer")} changed`;
  const failed = job.failed > 0 ? `, ${formatNumber(job.failed)} failed` : "";
  if (job.status === "cancelled") return `${job.actionLabel}: cancelled after ${progressText(job)}; ${changed}${failed}.`;
  if (job.status === "failed") return `${job.actionLabel} failed after ${progressText(job)}; ${changed}${failed}.`;
  return `${job.actionLabel}: ${changed}${failed}.`;
}
