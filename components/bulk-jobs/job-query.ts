"use client";

import { useQuery } from "@tanstack/react-query";
import type { BulkJobStatus, BulkJobView } from "@/lib/bulk-jobs/types";

/** A job as the console's JSON routes send it: dates as ISO strings. */
export type BulkJobJson = Omit<BulkJobView, "createdAt" | "startedAt" | "finishedAt"> & {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** How often a job that is still going is read again. */
export const JOB_POLL_MS = 1_000;

export function isUnderway(status: BulkJobStatus): boolean {
  return status === "queued" || status === "running";
}

export class JobGoneError extends Error {}

/** GETs a console JSON route, or throws the server's message (JobGoneError for a job that is not there). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (response.status === 404) throw new JobGoneError(body?.error ?? "This job does not exist.");
  if (!response.ok || body === null) throw new Error(body?.error ?? "The job could not be read. Trying again.");
  return body;
}

export function bulkJobQueryKey(id: number) {
  return ["bulk-job", id] as const;
}

/** One job, read again every second while it is queued or running (the Customers page's bar, the toast). */
export function useBulkJob(id: number) {
  return useQuery({
    queryKey: bulkJobQueryKey(id),
    queryFn: () => fetchJson<BulkJobJson>(`/jobs/${id}/progress`),
    staleTime: 0,
    retry: (failures, error) => !(error instanceof JobGoneError) && failures < 3,
    refetchInterval: (query) => (query.state.error instanceof JobGoneError || (query.state.data && !isUnderway(query.state.data.status)) ? false : JOB_POLL_MS),
  });
}
