"use client";

import { useQuery } from "@tanstack/react-query";
import { ListChecks } from "lucide-react";
import { CancelJobButton } from "@/components/bulk-jobs/cancel-job-button";
import { fetchJson, isUnderway, JOB_POLL_MS, type BulkJobJson } from "@/components/bulk-jobs/job-query";
import { JobProgressBar } from "@/components/bulk-jobs/job-progress-bar";
import { statusWord } from "@/components/bulk-jobs/job-text";
import { WithQueryClient } from "@/components/query-client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatNumber, plural } from "@/lib/format";
import { JobErrors } from "./job-errors";

const BADGE = { queued: "secondary", running: "default", succeeded: "success", failed: "destructive", cancelled: "secondary" } as const;

function JobRow({ job }: { job: BulkJobJson }) {
  return (
    <TableRow>
      <TableCell className="min-w-56 align-top">
        <div className="font-medium">{job.actionLabel}</div>
        <div className="text-xs text-muted-foreground">{job.selectionDescription}</div>
      </TableCell>
      <TableCell className="align-top whitespace-nowrap">
        <div>{job.startedBy.name}</div>
        <div className="text-xs text-muted-foreground">
          <LocalTime value={job.createdAt} />
        </div>
      </TableCell>
      <TableCell className="align-top">
        <Badge variant={BADGE[job.status]}>{statusWord(job)}</Badge>
      </TableCell>
      <TableCell className="min-w-56 align-top">
        <JobProgressBar job={job} />
      </TableCell>
      <TableCell className="align-top text-sm">
        <div>{`${plural(job.changed, "customer")} changed`}</div>
        {job.failed > 0 ? <div className="text-destructive">{`${formatNumber(job.failed)} failed`}</div> : null}
        <JobErrors job={job} />
        {job.resultFileUrl ? (
          <a href={job.resultFileUrl} download className="underline underline-offset-4">
            Download CSV
          </a>
        ) : null}
      </TableCell>
      <TableCell className="align-top text-right">{isUnderway(job.status) ? <CancelJobButton job={job} /> : null}</TableCell>
    </TableRow>
  );
}

function JobsTableBody({ initial }: { initial: BulkJobJson[] }) {
  const { data: jobs = initial, error } = useQuery({
    queryKey: ["bulk-jobs"],
    queryFn: () => fetchJson<BulkJobJson[]>("/jobs/list"),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => ((query.state.data ?? []).some((job) => isUnderway(job.status)) ? JOB_POLL_MS : false),
  });
  if (jobs.length === 0) {
    return <EmptyState icon={ListChecks} title="No jobs yet" description="Select customers on the Customers page and choose a bulk action: it runs here." />;
  }
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error.message}
        </p>
      ) : null}
      <Table aria-label="Jobs" containerClassName="rounded-lg border">
        <TableHeader>
          <TableRow>
            <TableHead>Job</TableHead>
            <TableHead>Started by</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Progress</TableHead>
            <TableHead>Result</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Every job of the partner, newest first, read again every second while one of them is queued or running. */
export function JobsTable({ initial }: { initial: BulkJobJson[] }) {
  return (
    <WithQueryClient>
      <JobsTableBody initial={initial} />
    </WithQueryClient>
  );
}
