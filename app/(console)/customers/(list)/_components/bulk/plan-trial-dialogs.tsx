"use client";

import { z } from "zod";
import { PlanSelect } from "@/components/customers/plan-select";
import { FormField, TextField } from "@/components/forms/form-field";
import { MAX_EXTEND_DAYS } from "@/lib/bulk-jobs/types";
import type { PlanOption } from "@/lib/customers/reads/table";
import { plural } from "@/lib/format";
import { BulkActionDialog, type BulkActionDialogProps } from "./bulk-action-dialog";

const NO_FIELDS = z.object({});
const changePlanFields = z.object({ planId: z.string().min(1, "Choose a plan.") });
const DAYS_MESSAGE = `Enter a whole number of days from 1 to ${MAX_EXTEND_DAYS}.`;
const extendTrialFields = z.object({
  days: z
    .string()
    .trim()
    .regex(/^\d+$/, DAYS_MESSAGE)
    .refine((value) => Number(value) >= 1 && Number(value) <= MAX_EXTEND_DAYS, DAYS_MESSAGE),
});

/** **Change plan** of every selected customer. */
export function ChangePlanDialog({ plans, ...props }: BulkActionDialogProps & { plans: PlanOption[] }) {
  const nameOf = (planId: string) => plans.find((plan) => String(plan.id) === planId)?.name;
  return (
    <BulkActionDialog
      {...props}
      title="Change plan"
      submitLabel="Change plan"
      schema={changePlanFields}
      defaultValues={{ planId: "" }}
      toAction={({ planId }) => ({ type: "change_plan", planId })}
      effect={(count, { planId }) => {
        const name = nameOf(planId);
        return name ? `Moves ${plural(count, "customer")} to the plan ${name}.` : `Choose the plan for ${plural(count, "customer")}.`;
      }}
    >
      {({ control }) => (
        <FormField control={control} name="planId" id="bulk-plan" label="New plan">
          {({ value, onChange, name: _name, ...field }) => <PlanSelect plans={plans} value={value} onValueChange={onChange} {...field} className="w-full" />}
        </FormField>
      )}
    </BulkActionDialog>
  );
}

/** **Start trial** or **End trial** for every selected customer: no field, only the confirmation. */
export function TrialDialog({ kind, ...props }: BulkActionDialogProps & { kind: "start_trial" | "end_trial" }) {
  const starting = kind === "start_trial";
  return (
    <BulkActionDialog
      {...props}
      title={starting ? "Start trial" : "End trial"}
      submitLabel={starting ? "Start trial" : "End trial"}
      destructive={!starting}
      schema={NO_FIELDS}
      defaultValues={{}}
      toAction={() => ({ type: kind })}
      effect={(count) =>
        starting
          ? `Starts a trial for ${plural(count, "customer")}; a customer already on a trial keeps its end date.`
          : `Ends the trial of ${plural(count, "customer")} now; those not on a trial are left as they are.`
      }
    />
  );
}

/** **Extend trial** of every selected customer by a number of days. */
export function ExtendTrialDialog(props: BulkActionDialogProps) {
  return (
    <BulkActionDialog
      {...props}
      title="Extend trial"
      submitLabel="Extend trial"
      schema={extendTrialFields}
      defaultValues={{ days: "14" }}
      toAction={({ days }) => ({ type: "extend_trial", days: Number(days) })}
      effect={(count, { days }) =>
        extendTrialFields.safeParse({ days }).success ? `Extends the trial of ${plural(count, "customer")} by ${plural(Number(days), "day")}.` : DAYS_MESSAGE
      }
    >
      {({ control }) => (
        <TextField control={control} name="days" id="bulk-trial-days" label="Days to add" type="number" inputMode="numeric" min={1} max={MAX_EXTEND_DAYS} />
      )}
    </BulkActionDialog>
  );
}
