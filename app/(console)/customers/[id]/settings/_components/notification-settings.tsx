"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/kinds";
import type { CustomerNotificationInput } from "@/lib/notifications/schema";
import { useActionRunner } from "../../_components/use-action-runner";
import { setCustomerNotificationAction } from "../actions";

export interface NotificationRow {
  kind: NotificationKind;
  choice: boolean | null;
  partnerDefault: boolean;
}

const onOff = (value: boolean) => (value ? "On" : "Off");

/**
 * Settings › Notifications: for each event, On, Off, or the partner's default (named with what it is now). Each
 * choice is saved when made, as its own audited change.
 */
export function NotificationSettings({
  customerId,
  rows,
  disabled,
  disabledReasonId,
}: {
  customerId: number;
  rows: NotificationRow[];
  disabled: boolean;
  disabledReasonId?: string;
}) {
  const { pending, run } = useActionRunner();

  return (
    <ul className="flex flex-col divide-y">
      {rows.map((row) => {
        const { label, description } = NOTIFICATION_LABELS[row.kind];
        const id = `notification-${row.kind}`;
        const value = row.choice === null ? "default" : row.choice ? "on" : "off";
        return (
          <li key={row.kind} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
            <div className="flex min-w-0 flex-col gap-0.5">
              <Label htmlFor={id}>{label}</Label>
              <p id={`${id}-description`} className="text-sm text-muted-foreground">
                {description}
              </p>
            </div>
            <Select
              value={value}
              disabled={disabled || pending}
              onValueChange={(selected) => {
                const choice = selected as CustomerNotificationInput["choice"];
                return run(
                  () => setCustomerNotificationAction({ customerId, kind: row.kind, choice }),
                  (data) => (data.changed ? `${label}: ${choice === "default" ? "partner default" : choice === "on" ? "on" : "off"}.` : "Nothing to change."),
                );
              }}
            >
              <SelectTrigger
                id={id}
                className="w-56"
                aria-describedby={[`${id}-description`, disabledReasonId].filter(Boolean).join(" ")}
              >
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="default">Partner default ({onOff(row.partnerDefault)})</SelectItem>
                <SelectItem value="on">On</SelectItem>
                <SelectItem value="off">Off</SelectItem>
              </SelectContent>
            </Select>
          </li>
        );
      })}
    </ul>
  );
}
