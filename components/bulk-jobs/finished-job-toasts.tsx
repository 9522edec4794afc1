"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { WithQueryClient } from "@/components/query-client";
import { isUnderway, JobGoneError, useBulkJob, type BulkJobJson } from "./job-query";
import { resultText } from "./job-text";
import { untrackBulkJob } from "./tracked-jobs";

function ResultLink({ job }: { job: BulkJobJson }) {
  if (job.resultFileUrl) {
    return (
      <a href={job.resultFileUrl} download className="underline underline-offset-4">
        Download the CSV
      </a>
    );
  }
  return (
    <Link href="/jobs" className="underline underline-offset-4">
      See it on the Jobs page
    </Link>
  );
}

/** Follows one job; when it ends, says how it went in a toast, stops following it and shows the pages' new data. */
function FinishedJobToast({ id }: { id: number }) {
  const router = useRouter();
  const { data: job, error } = useBulkJob(id);
  React.useEffect(() => {
    if (error instanceof JobGoneError) untrackBulkJob(id);
    if (!job || isUnderway(job.status)) return;
    untrackBulkJob(id);
    const show = job.status === "succeeded" ? toast.success : job.status === "cancelled" ? toast.info : toast.error;
    show(resultText(job), { id: `bulk-job-${id}`, description: <ResultLink job={job} />, duration: 20_000 });
    // The Customers table (or whichever page is open) shows what the job changed.
    router.refresh();
  }, [id, job, error, router]);
  return null;
}

/** Every job this browser started and has not seen finish (loaded only when there is one). */
export default function FinishedJobToasts({ ids }: { ids: readonly number[] }) {
  return (
    <WithQueryClient>
      {ids.map((id) => (
        <FinishedJobToast key={id} id={id} />
      ))}
    </WithQueryClient>
  );
}
