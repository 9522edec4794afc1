"use client";

import { PlanSelect } from "@/components/customers/plan-select";
import { SameNameWarning } from "@/components/customers/same-name-warning";
import { FormField, TextField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { WithQueryClient } from "@/components/query-client";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FormAlert } from "@/components/ui/field-error";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";
import type { PlanOption } from "@/lib/customers/reads/table";
import { addCustomerAction } from "../actions";

/** **+ Add customer** (rule U14): Customer name, Notification email, Plan, and an optional External ID. */
export function AddCustomerDialog({
  open,
  onOpenChange,
  plans,
  onAdded,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  plans: PlanOption[];
  onAdded(customer: { id: number; name: string }): void;
}) {
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: addCustomerSchema,
    defaultValues: { name: "", notificationEmail: "", planId: "", externalId: "" },
    action: addCustomerAction,
    success: (customer) => `${customer.name} was added.`,
    onSuccess: (customer) => {
      onAdded(customer);
      onOpenChange(false);
    },
  });
  const { control } = form;

  return (
    <WithQueryClient>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Add customer</DialogTitle>
            <DialogDescription>The customer gets its own workspace, on the plan you choose.</DialogDescription>
          </DialogHeader>
          <form noValidate onSubmit={onSubmit} className="space-y-4">
            <TextField
              control={control}
              name="name"
              id="add-customer-name"
              label="Customer name"
              below={<SameNameWarning id="add-customer-name-same" name={form.watch("name")} />}
              autoFocus
              required
            />
            <TextField
              control={control}
              name="notificationEmail"
              id="add-customer-notificationEmail"
              label="Notification email"
              description="Receives the account's notifications."
              type="email"
              required
            />
            <FormField control={control} name="planId" id="add-customer-planId" label="Plan">
              {({ value, onChange, name: _name, ...field }) => (
                <PlanSelect plans={plans} value={String(value ?? "")} onValueChange={onChange} {...field} className="w-full" />
              )}
            </FormField>
            <TextField
              control={control}
              name="externalId"
              id="add-customer-externalId"
              label="External ID (optional)"
              description="Your own ID for this customer, such as its CRM ID. Unique among your customers."
            />
            <FormAlert>{formError}</FormAlert>
            <DialogFormFooter submitLabel="Add customer" pending={pending} onCancel={() => onOpenChange(false)} />
          </form>
        </DialogContent>
      </Dialog>
    </WithQueryClient>
  );
}
