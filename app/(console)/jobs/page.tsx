import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireConsolePage } from "@/lib/auth/session";
import { listBulkJobs } from "@/lib/bulk-jobs/read";
import { JobsTable } from "./_components/jobs-table";
import { permits } from "@/lib/authorization/authorize";

export const metadata: Metadata = { title: "Jobs" };

/** The partner's bulk jobs (issue 17): running and finished, followed live while one runs. Partner admins only. */
export default async function JobsPage() {
  const ctx = await requireConsolePage();
  const admin = permits(ctx, "bulk_jobs.read");
  // Sent to the browser as JSON would be: the table reads the same shape again from /jobs/list.
  const jobs = admin ? JSON.parse(JSON.stringify(await listBulkJobs(ctx, {}))) : [];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Bulk actions on customers and CSV imports run here in the background, in batches. Each one says who started it, what it does, to which customers, and
          how far it is.
        </p>
      </div>
      {admin ? (
        <JobsTable initial={jobs} />
      ) : (
        <EmptyState title="Only partner admins can see jobs" description="Bulk actions and imports are for partner admins." />
      )}
    </div>
  );
}
