import { cn } from "@/lib/utils";
import type { BulkJobJson } from "./job-query";
import { progressText, rateText } from "./job-text";

/** A job's progress: a bar with its numbers (processed of total, rate, time left), named after what the job does. */
export function JobProgressBar({ job, className }: { job: BulkJobJson; className?: string }) {
  const percent = job.total === 0 ? 100 : Math.min(100, Math.round((job.processed / job.total) * 100));
  const rate = rateText(job);
  return (
    <div className={cn("space-y-1", className)}>
      <div
        role="progressbar"
        aria-label={`${job.actionLabel}: progress`}
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.processed}
        aria-valuetext={progressText(job)}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-muted-foreground tabular-nums">
        {progressText(job)}
        {rate ? ` · ${rate}` : null}
      </p>
    </div>
  );
}
