"use client";

import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { cancelBulkJobAction } from "@/app/(console)/jobs/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { bulkJobQueryKey, type BulkJobJson } from "./job-query";
import { progressText } from "./job-text";

/** **Cancel job**, confirmed: the job stops after the batch it is working on, and keeps what it has done. */
export function CancelJobButton({ job, onCancelled }: { job: BulkJobJson; onCancelled?: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" disabled={job.cancelRequested}>
          {job.cancelRequested ? "Cancelling…" : "Cancel job"}
        </Button>
      }
      title="Cancel this job?"
      description={`${job.actionLabel} stops after the batch it is working on. Customers it has already changed keep the change (${progressText(job)} so far).`}
      confirmLabel="Cancel job"
      cancelLabel="Keep running"
      destructive
      onConfirm={async () => {
        const result = await cancelBulkJobAction({ id: job.id }).catch(() => ({ ok: false as const, error: "The server could not be reached. Try again." }));
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${job.actionLabel}: stopping after the current batch.`);
        await queryClient.invalidateQueries({ queryKey: bulkJobQueryKey(job.id) });
        onCancelled?.();
      }}
    />
  );
}
