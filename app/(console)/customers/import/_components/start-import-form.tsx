"use client";

import Link from "next/link";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { formatNumber, pluralWord } from "@/lib/format";
import { startImportInput } from "@/lib/customer-import/start-input";
import type { ImportView } from "@/lib/customer-import/view";
import { startImportAction } from "../actions";

/**
 * The last step: by default nothing is imported while a row is in error; the checkbox imports the valid rows and
 * skips the others. Once started, the import runs as a bulk job; its progress is on the Jobs page.
 */
export function StartImportForm({ view }: { view: ImportView }) {
  const [started, setStarted] = useState<{ id: number } | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: startImportInput,
    defaultValues: { importId: view.id!, skipErrors: false },
    action: startImportAction,
    success: (job) => `Import started: job ${job.id}.`,
    onSuccess: (job) => setStarted({ id: job.id }),
  });
  const skipErrors = form.watch("skipErrors");
  const valid = view.createRows + view.updateRows;
  if (started) {
    return (
      <p role="status" className="text-sm">
        {`Importing ${formatNumber(valid)} ${pluralWord(valid, "row")}. `}
        <Link href="/jobs" className="font-medium underline">
          Follow its progress on the Jobs page
        </Link>
      </p>
    );
  }
  const blocked = view.errorRows > 0 && !skipErrors;
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import">
      {formError ? (
        <p role="alert" className="text-sm text-destructive">
          {formError}
        </p>
      ) : null}
      {view.errorRows > 0 ? (
        <FormField control={form.control} name="skipErrors" id="import-skip-errors" label="Import the valid rows and skip the rows in error">
          {({ value, onChange, ...control }) => (
            <Checkbox {...control} checked={value === true} onCheckedChange={(checked) => onChange(checked === true)} value={undefined} />
          )}
        </FormField>
      ) : null}
      {blocked ? (
        <p className="text-sm text-muted-foreground">Nothing is imported while a row is in error: fix the file and choose it again, or skip those rows.</p>
      ) : null}
      <Button type="submit" disabled={pending || blocked || valid === 0}>
        {`Import ${formatNumber(valid)} ${pluralWord(valid, "row")}`}
      </Button>
    </form>
  );
}
