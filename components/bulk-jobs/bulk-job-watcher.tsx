"use client";

import { Suspense } from "react";
import { loadOnDemand } from "@/components/ui/on-first-use";
import { useTrackedBulkJobs } from "./tracked-jobs";

const toasts = loadOnDemand(() => import("./finished-job-toasts").then((module) => module.default));

/**
 * In the console's layout: the bulk jobs this browser started are followed on every page, so that one that
 * finishes leaves a toast wherever the person is. Its code (and React Query's) loads only while there is one.
 */
export function BulkJobWatcher() {
  const ids = useTrackedBulkJobs();
  if (ids.length === 0) return null;
  return (
    <Suspense>
      <toasts.Component ids={ids} />
    </Suspense>
  );
}
