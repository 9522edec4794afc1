"use client";

import * as React from "react";
import { z } from "zod";
import { FormField } from "@/components/forms/form-field";
import { SearchCombobox, type SearchOption } from "@/components/ui/search-combobox";
import { plural } from "@/lib/format";
import { BulkActionDialog, type BulkActionDialogProps } from "./bulk-action-dialog";

type Manager = { id: number; user: { name: string; email: string }; manageAll: boolean };

const managerOption = (manager: Manager): SearchOption => ({
  value: String(manager.id),
  label: manager.user.name,
  description: manager.manageAll ? `${manager.user.email} · manages all customers` : manager.user.email,
});

const managerFields = z.object({ customerManagerId: z.string().min(1, "Choose a customer manager.") });

/** **Add to a customer manager** or **Remove from a customer manager**: the manager's chosen customers. */
export function CustomerManagerDialog({ kind, ...props }: BulkActionDialogProps & { kind: "add_to_customer_manager" | "remove_from_customer_manager" }) {
  const [manager, setManager] = React.useState<SearchOption | null>(null);
  const adding = kind === "add_to_customer_manager";
  return (
    <BulkActionDialog
      {...props}
      title={adding ? "Add to a customer manager" : "Remove from a customer manager"}
      submitLabel={adding ? "Add customers" : "Remove customers"}
      schema={managerFields}
      defaultValues={{ customerManagerId: "" }}
      toAction={({ customerManagerId }) => ({ type: kind, customerManagerId })}
      effect={(count) =>
        !manager
          ? `Choose the customer manager for ${plural(count, "customer")}.`
          : adding
            ? `Adds ${plural(count, "customer")} to the customers ${manager.label} manages.`
            : `Removes ${plural(count, "customer")} from the customers ${manager.label} manages.`
      }
    >
      {({ control }) => (
        <FormField control={control} name="customerManagerId" id="bulk-customer-manager" label="Customer manager">
          {({ id, onChange, ...field }) => (
            <SearchCombobox<Manager>
              id={id}
              searchLabel="Search customer managers"
              placeholder="Choose a customer manager"
              selected={manager}
              source="/lookups/customer-managers"
              toOption={managerOption}
              onSelect={(option) => {
                setManager(option);
                onChange(option.value);
              }}
              emptyText="No customer manager matches."
              invalid={field["aria-invalid"]}
              describedBy={field["aria-describedby"]}
              className="w-full"
            />
          )}
        </FormField>
      )}
    </BulkActionDialog>
  );
}
