"use client";

import Link from "next/link";
import { CancelJobButton } from "@/components/bulk-jobs/cancel-job-button";
import { isUnderway, useBulkJob } from "@/components/bulk-jobs/job-query";
import { JobProgressBar } from "@/components/bulk-jobs/job-progress-bar";
import { statusWord } from "@/components/bulk-jobs/job-text";
import { WithQueryClient } from "@/components/query-client";

function RunningJob({ id }: { id: number }) {
  const { data: job } = useBulkJob(id);
  if (!job || !isUnderway(job.status)) return null;
  return (
    <li className="space-y-2 rounded-lg border bg-muted/30 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium">{`${job.actionLabel} · ${statusWord(job)}`}</p>
          <p className="truncate text-xs text-muted-foreground">{job.selectionDescription}</p>
        </div>
        <div className="flex items-center gap-2">
          <Link href="/jobs" className="text-sm underline-offset-4 hover:underline">
            Jobs
          </Link>
          <CancelJobButton job={job} />
        </div>
      </div>
      <JobProgressBar job={job} />
    </li>
  );
}

/** Above the Customers table: the bulk jobs this browser started, while they run (they outlive a reload). */
export function RunningJobs({ ids }: { ids: readonly number[] }) {
  return (
    <WithQueryClient>
      <ul aria-label="Your running jobs" className="space-y-2">
        {ids.map((id) => (
          <RunningJob key={id} id={id} />
        ))}
      </ul>
    </WithQueryClient>
  );
}
