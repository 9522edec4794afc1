"use client";

import { z } from "zod";
import { TextField } from "@/components/forms/form-field";
import { plural } from "@/lib/format";
import { BulkActionDialog, type BulkActionDialogProps } from "./bulk-action-dialog";

const NO_FIELDS = z.object({});
const deleteFields = z.object({
  confirmCount: z
    .string()
    .trim()
    .regex(/^[\d,. ]+$/, "Type the number of customers."),
});
const typedNumber = (typed: string) => Number(typed.replace(/[\s,.]/g, ""));

/** **Export** the selection as a CSV file, made in the background (its link comes with the finished job's toast). */
export function ExportDialog(props: BulkActionDialogProps) {
  return (
    <BulkActionDialog
      {...props}
      title="Export customers"
      submitLabel="Export CSV"
      schema={NO_FIELDS}
      defaultValues={{}}
      toAction={() => ({ type: "export" })}
      effect={(count) =>
        `Writes ${plural(count, "customer")} to a CSV file; nothing is changed. Its link comes with the job's result, here and on the Jobs page.`
      }
    />
  );
}

/** **Delete customers**, confirmed by typing how many: the job starts only if that is still the selection's count. */
export function DeleteDialog(props: BulkActionDialogProps) {
  return (
    <BulkActionDialog
      {...props}
      title="Delete customers"
      submitLabel="Delete customers"
      destructive
      schema={deleteFields}
      defaultValues={{ confirmCount: "" }}
      toAction={({ confirmCount }) => ({ type: "delete", confirmCount: typedNumber(confirmCount) })}
      ready={({ confirmCount }, count) => typedNumber(confirmCount) === count}
      effect={(count) => `Deletes ${plural(count, "customer")} with their workspaces, users, connections and recipes. This cannot be undone.`}
    >
      {({ control }, count) => (
        <TextField
          control={control}
          name="confirmCount"
          id="bulk-delete-count"
          label={count === null ? "Type the number of customers to confirm" : `Type ${count} to confirm`}
          inputMode="numeric"
          autoComplete="off"
        />
      )}
    </BulkActionDialog>
  );
}
