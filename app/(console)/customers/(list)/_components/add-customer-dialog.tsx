"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { PlanSelect } from "@/components/customers/plan-select";
import { SameNameWarning } from "@/components/customers/same-name-warning";
import { WithQueryClient } from "@/components/query-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";
import type { FieldErrors } from "@/lib/errors";
import type { PlanOption } from "@/lib/customers/reads/table";
import { addCustomerAction } from "../actions";

const EMPTY = { name: "", notificationEmail: "", planId: "", externalId: "" };

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
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = addCustomerSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
      setErrors(fieldErrors);
      setFormError(null);
      return;
    }
    startTransition(async () => {
      const result = await addCustomerAction(values);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setFormError(result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? null : result.error);
        return;
      }
      toast.success(`${result.data.name} was added.`);
      onAdded(result.data);
      onOpenChange(false);
    });
  }

  const field = (name: keyof typeof EMPTY) => ({
    id: `add-customer-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `add-customer-${name}-error` : undefined,
  });

  return (
    <WithQueryClient>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Add customer</DialogTitle>
            <DialogDescription>The customer gets its own workspace, on the plan you choose.</DialogDescription>
          </DialogHeader>
          <form noValidate onSubmit={submit} className="space-y-4">
            <div className="space-y-1.5">
              <Label htmlFor="add-customer-name">Customer name</Label>
              <Input {...field("name")} value={values.name} onChange={(event) => set("name")(event.target.value)} autoFocus required />
              <FieldError id="add-customer-name-error" errors={errors.name} />
              <SameNameWarning id="add-customer-name-same" name={values.name} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="add-customer-notificationEmail">Notification email</Label>
              <Input
                {...field("notificationEmail")}
                type="email"
                value={values.notificationEmail}
                onChange={(event) => set("notificationEmail")(event.target.value)}
                required
              />
              <p className="text-xs text-muted-foreground">Receives the account&apos;s notifications.</p>
              <FieldError id="add-customer-notificationEmail-error" errors={errors.notificationEmail} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="add-customer-planId">Plan</Label>
              <PlanSelect plans={plans} value={values.planId} onValueChange={set("planId")} {...field("planId")} className="w-full" />
              <FieldError id="add-customer-planId-error" errors={errors.planId} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="add-customer-externalId">External ID (optional)</Label>
              <Input {...field("externalId")} value={values.externalId} onChange={(event) => set("externalId")(event.target.value)} />
              <p className="text-xs text-muted-foreground">Your own ID for this customer, such as its CRM ID. Unique among your customers.</p>
              <FieldError id="add-customer-externalId-error" errors={errors.externalId} />
            </div>
            {formError ? (
              <p role="alert" className="text-sm text-destructive">
                {formError}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Add customer
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </WithQueryClient>
  );
}
