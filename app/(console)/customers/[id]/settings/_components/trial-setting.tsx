"use client";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { TrialState } from "@/lib/customers/plan";
import { formatDate, plural } from "@/lib/format";
import { useActionRunner } from "@/components/use-action-runner";
import { setTrialAction } from "../actions";

function describe(trial: TrialState): string {
  switch (trial.kind) {
    case "running":
      return `In trial until ${formatDate(trial.endsAt)} · ${plural(trial.daysLeft, "day")} left. Trials are limited to 100 tasks a month.`;
    case "ended":
      return `The trial ended on ${formatDate(trial.endedAt)}: the account is on the Free plan, Expired subscription. Turn Trial on to start a new 30-day trial.`;
    case "off":
      return "Turn on to let the customer try the platform for 30 days, with 100 tasks a month. Turn off once the customer subscribes: the account becomes an active subscription.";
  }
}

/** Settings › Trial (rules U21, U22): on starts 30 days from today, again extends it, off makes it a subscription. */
export function TrialSetting({
  customerId,
  trial,
  disabled,
  disabledReasonId,
}: {
  customerId: number;
  trial: TrialState;
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const { pending, run } = useActionRunner();
  const running = trial.kind === "running";

  const setTrial = (enabled: boolean, message: string) =>
    run(
      () => setTrialAction({ customerId, enabled }),
      (data) => (data.changed ? message : "Nothing to change."),
    );

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <Switch
          id="setting-trial"
          checked={running}
          disabled={disabled || pending}
          aria-describedby={["setting-trial-description", disabledReasonId].filter(Boolean).join(" ")}
          onCheckedChange={(checked) =>
            setTrial(checked, checked ? "Trial started: 30 days from today." : "Trial turned off: the account is now an active subscription.")
          }
        />
        <Label htmlFor="setting-trial">Trial</Label>
      </div>
      <p id="setting-trial-description" className="text-sm text-muted-foreground">
        {describe(trial)}
      </p>
      {running ? (
        <div>
          <Button variant="outline" size="sm" disabled={disabled} pending={pending} onClick={() => setTrial(true, "Trial extended: 30 days from today.")}>
            Extend trial by 30 days from today
          </Button>
        </div>
      ) : null}
    </div>
  );
}
