"use client";

import { Suspense } from "react";
import { useTrackedBulkJobs } from "@/components/bulk-jobs/tracked-jobs";
import { loadOnDemand } from "@/components/ui/on-first-use";
import type { ConnectedApp, PlanOption } from "@/lib/customers/reads/table";
import { useCustomerSelection } from "../selection/customer-selection";

/*
 * The bulk actions' bar and dialogs, and the running jobs' progress, load when they have something to show (a
 * selection, a job this browser follows), not with the page: its first-load script has a budget (README).
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

export function RunningJobsSlot() {
  const ids = useTrackedBulkJobs();
  if (ids.length === 0) return null;
  return (
    <Suspense>
      <running.Component ids={ids} />
    </Suspense>
  );
}
