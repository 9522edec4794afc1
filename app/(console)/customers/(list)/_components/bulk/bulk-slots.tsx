"use client";

import { Suspense, useEffect, useMemo } from "react";
import { trackBulkJob, useTrackedBulkJobs } from "@/components/bulk-jobs/tracked-jobs";
import { loadOnDemand } from "@/components/ui/on-first-use";
import type { ConnectedApp, PlanOption } from "@/lib/customers/reads/table";
import { useCustomerSelection } from "../selection/customer-selection";

/*
 * The bulk actions' bar and dialogs, and the running jobs' progress, load when they have something to show (a
 * selection, a job underway), not with the page: its first-load script has a budget (README).
 */
const bar = loadOnDemand(() => import("./bulk-actions-bar").then((module) => module.BulkActionsBar));
const running = loadOnDemand(() => import("./running-jobs").then((module) => module.RunningJobs));

export function BulkActionsSlot(props: { plans: PlanOption[]; apps: ConnectedApp[] }) {
  const { target } = useCustomerSelection();
  if (!target) return null;
  return (
    <Suspense>
      <bar.Component {...props} />
    </Suspense>
  );
}

/**
 * The jobs this browser follows, and those the server says the signed-in person has underway (started in another
 * browser, or through a tab whose storage is gone): followed from now on, so that their end leaves a toast here too.
 */
export function RunningJobsSlot({ underway }: { underway: readonly number[] }) {
  const tracked = useTrackedBulkJobs();
  useEffect(() => underway.forEach(trackBulkJob), [underway]);
  const ids = useMemo(() => [...new Set([...tracked, ...underway])], [tracked, underway]);
  if (ids.length === 0) return null;
  return (
    <Suspense>
      <running.Component ids={ids} />
    </Suspense>
  );
}
