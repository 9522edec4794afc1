"use client";

import * as React from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { PlanSelect } from "@/components/customers/plan-select";
import { useActionRunner } from "@/components/use-action-runner";
import { changePlanAction } from "../actions";

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
  const [planId, setPlanId] = React.useState(String(currentPlanId));
  const [errors, setErrors] = React.useState<string[]>([]);
  const { pending, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = plans.find((plan) => String(plan.id) === planId)?.name ?? "the plan";
    const result = await run(
      () => changePlanAction({ customerId, planId: Number(planId) }),
      (data) => (data.changed ? `The customer is now on ${name}.` : "Nothing to change."),
    );
    setErrors(result.ok ? [] : (result.fieldErrors?.planId ?? []));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <fieldset disabled={disabled} className="flex flex-col gap-2">
        <Label htmlFor="setting-plan">Plan</Label>
        <div className="flex flex-wrap items-center gap-2">
          <PlanSelect
            plans={plans}
            value={planId}
            onValueChange={setPlanId}
            disabled={disabled}
            id="setting-plan"
            className="w-60"
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={[errors.length ? "setting-plan-error" : null, disabledReasonId].filter(Boolean).join(" ") || undefined}
          />
          <Button type="submit" variant="outline" pending={pending}>
            Save plan
          </Button>
        </div>
        <FieldError id="setting-plan-error" errors={errors} />
      </fieldset>
    </form>
  );
}
