"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/**
 * A choice among the partner's plans (rules U14, U20), for the Add customer dialog and Settings › Subscription.
 * The value is the plan's ID as a string, as Radix Select keeps it.
 */
export function PlanSelect({
  plans,
  value,
  onValueChange,
  disabled,
  ...trigger
}: {
  plans: { id: number; name: string }[];
  value: string;
  onValueChange(value: string): void;
  disabled?: boolean;
} & Pick<React.ComponentProps<typeof SelectTrigger>, "id" | "className" | "aria-invalid" | "aria-describedby" | "ref" | "onBlur">) {
  return (
    <Select value={value} onValueChange={onValueChange} disabled={disabled}>
      <SelectTrigger {...trigger}>
        <SelectValue placeholder="Choose a plan" />
      </SelectTrigger>
      <SelectContent>
        {plans.map((plan) => (
          <SelectItem key={plan.id} value={String(plan.id)}>
            {plan.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
