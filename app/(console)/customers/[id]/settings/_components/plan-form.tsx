"use client";

import { PlanSelect } from "@/components/customers/plan-select";
import { FormField } from "@/components/forms/form-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { changePlanInput } from "@/lib/customers/settings-schema";
import { changePlanAction } from "../actions";

const planSchema = changePlanInput.pick({ planId: true });

/** Settings › Subscription (rule U20): one of the partner's existing plans. */
export function PlanForm({
  customerId,
  plans,
  currentPlanId,
  disabled,
  disabledReasonId,
}: {
  customerId: number;
  plans: { id: number; name: string }[];
  currentPlanId: number;
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const { form, onSubmit, pending } = useActionForm({
    schema: planSchema,
    defaultValues: { planId: String(currentPlanId) },
    action: ({ planId }) => changePlanAction({ customerId, planId }),
    success: (data, { planId }) =>
      data.changed ? `The customer is now on ${plans.find((plan) => plan.id === planId)?.name ?? "the plan"}.` : "Nothing to change.",
    toastErrors: true,
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <fieldset disabled={disabled} className="flex flex-col gap-2">
        <FormField control={form.control} name="planId" id="setting-plan" label="Plan" describedBy={disabledReasonId} className="gap-2">
          {({ value, onChange, name: _name, disabled: _disabled, ...field }) => (
            <div className="flex flex-wrap items-center gap-2">
              <PlanSelect plans={plans} value={String(value)} onValueChange={onChange} disabled={disabled} {...field} className="w-60" />
              <Button type="submit" variant="outline" pending={pending}>
                Save plan
              </Button>
            </div>
          )}
        </FormField>
      </fieldset>
    </form>
  );
}
