"use client";

import { useQuery } from "@tanstack/react-query";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { trackBulkJob } from "@/components/bulk-jobs/tracked-jobs";
import { UNREACHABLE } from "@/components/forms/messages";
import { useActionForm, type ActionForm } from "@/components/forms/use-action-form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FormAlert } from "@/components/ui/field-error";
import { Skeleton } from "@/components/ui/skeleton";
import type { BulkAction, BulkSelectionPreview } from "@/lib/bulk-jobs/types";
import { plural } from "@/lib/format";
import { previewBulkSelectionAction, startBulkJobAction } from "../../bulk-actions";
import type { CustomerSelectionTarget } from "../selection/customer-selection";

export interface BulkActionDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  target: CustomerSelectionTarget;
  /** Called once the job has started (the selection is then cleared). */
  onStarted(): void;
}

/** How many customers the selection is now, and the selection in words, as the server counts it. */
function usePreview(target: CustomerSelectionTarget, enabled: boolean) {
  return useQuery({
    queryKey: ["bulk-selection-preview", target],
    queryFn: async (): Promise<BulkSelectionPreview> => {
      const result = await previewBulkSelectionAction(target).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    enabled,
    staleTime: 0,
    retry: false,
  });
}

type FormSchema = z.ZodType<unknown, FieldValues>;

export type BulkForm<Schema extends FormSchema> = ActionForm<z.input<Schema>>["form"];

/**
 * The one dialog every bulk action confirms with (issue 17): the selection as it is ("All 48,210 customers on plan
 * Free that joined in the last 12 months", counted now), the action's own fields (a useActionForm form on their
 * zod schema), what it will do to how many customers, and the button that starts the job. The job runs in the
 * background; this browser follows it (trackBulkJob: a progress bar on the Customers page, a toast when it ends).
 */
export function BulkActionDialog<Schema extends FormSchema>({
  open,
  onOpenChange,
  target,
  onStarted,
  title,
  submitLabel,
  destructive = false,
  schema,
  defaultValues,
  toAction,
  effect,
  ready,
  children,
}: BulkActionDialogProps & {
  title: string;
  submitLabel: string;
  destructive?: boolean;
  /** The action's fields; `{}` (z.object({})) for an action that has none. */
  schema: Schema;
  defaultValues: z.input<Schema>;
  /** The action to start from the fields' values (once they passed the schema). */
  toAction(values: z.input<Schema>): BulkAction;
  /** What it will do, in a sentence, for `count` customers: "Moves 48,210 customers to the plan Growth." */
  effect(count: number, values: z.input<Schema>): string;
  /** Whether the button may start the job yet (a delete waits for the typed count); always by default. */
  ready?(values: z.input<Schema>, count: number): boolean;
  children?: (form: BulkForm<Schema>, count: number | null) => React.ReactNode;
}) {
  const preview = usePreview(target, open);
  const count = preview.data?.count ?? null;
  const { form, onSubmit, pending, formError } = useActionForm({
    schema,
    defaultValues,
    action: (values) => startBulkJobAction({ action: toAction(values), selection: target }),
    success: (job) => `${job.actionLabel}: started for ${plural(job.total, "customer")}.`,
    onSuccess: (job) => {
      trackBulkJob(job.id);
      onStarted();
      onOpenChange(false);
    },
  });
  const values = form.watch();
  const startable = count !== null && count > 0 && (ready?.(values, count) ?? true);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription aria-live="polite">
            {preview.data ? preview.data.description : preview.error ? "The selection could not be counted." : "Counting the selected customers…"}
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {children?.(form, count)}
          {preview.error ? (
            <FormAlert>{preview.error.message}</FormAlert>
          ) : count === null ? (
            <Skeleton className="h-5 w-2/3" />
          ) : (
            <p className="rounded-md border bg-muted/50 px-3 py-2 text-sm" data-testid="bulk-effect">
              {effect(count, values)}
            </p>
          )}
          <FormAlert>{formError}</FormAlert>
          <DialogFormFooter submitLabel={submitLabel} destructive={destructive} pending={pending} disabled={!startable} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
